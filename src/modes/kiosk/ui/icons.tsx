/** The kiosk's few icons, drawn inline: no font glyph or file needed, crisp at any size. Decorative: each sits next to its text. */
import type { ReactNode } from 'react';

function Icon({ size = 32, stroke = 2.2, children }: { size?: number; stroke?: number; children: ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={stroke}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const IconPrevious = () => (
  <Icon>
    <path d="M15 5l-7 7 7 7" />
  </Icon>
);

export const IconNext = () => (
  <Icon>
    <path d="M9 5l7 7-7 7" />
  </Icon>
);

export const IconHome = () => (
  <Icon>
    <path d="M3 11l9-7 9 7" />
    <path d="M5.5 9.5V20h5v-6h3v6h5V9.5" />
  </Icon>
);

export const IconLanguage = () => (
  <Icon>
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18M12 3c2.6 2.6 3.9 5.6 3.9 9s-1.3 6.4-3.9 9c-2.6-2.6-3.9-5.6-3.9-9S9.4 5.6 12 3z" />
  </Icon>
);

export const IconTouch = () => (
  <Icon size={56} stroke={1.6}>
    <path d="M9 11V5.5a1.5 1.5 0 013 0V11" />
    <path d="M12 10.5V9a1.5 1.5 0 013 0v2" />
    <path d="M15 10.5a1.5 1.5 0 013 0V15a6 6 0 01-6 6h-.6a6 6 0 01-4.8-2.4L4.3 15.3a1.5 1.5 0 012.3-1.9L9 16V11" />
  </Icon>
);

/** 知识问答: a question in a speech bubble. */
export const IconQuiz = () => (
  <Icon>
    <path d="M4 5h16v11H10l-4 4v-4H4z" />
    <path d="M10 9a2 2 0 1 1 2.6 1.9c-.4.2-.6.5-.6.9v.4" />
    <path d="M12 14.2v.01" />
  </Icon>
);

/**
 * 有人同时修改了这块展板 (or, for the exhibition's other documents, 这一项): both versions side by side — the server's (theirs) and the one
 * this page sent (yours) — field by field, with 用我的版本 (yours, saved on their version) and
 * 用对方的版本 (theirs; yours is dropped). Nothing is chosen for the staff: Esc only closes the
 * question for now (the saving stays paused).
 */
import { useId } from 'react';
import { type CurateStringKey, curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import { useModalDialog } from '../../../ui/useModalDialog.ts';
import { localizedParts, type PanelJson } from '../draftModel.ts';

export interface CurateConflictDialogProps {
  lang: Lang;
  theirs: PanelJson | null;
  mine: PanelJson;
  onUseMine(): void;
  onUseTheirs(): void;
  onClose(): void;
  /** What the two versions are of: a panel (the default), or another document (a tour, the settings…). */
  subject?: 'panel' | 'document';
}

const WORDS = {
  panel: { title: 'conflictTitle', detail: 'conflictDetail', gone: 'conflictGone' },
  document: { title: 'conflictTitleDocument', detail: 'conflictDetailDocument', gone: 'conflictGoneDocument' },
} as const satisfies Record<string, Record<string, CurateStringKey>>;

const FIELDS: Array<[string, CurateStringKey]> = [
  ['title', 'fieldTitle'],
  ['summary', 'fieldSummary'],
  ['note', 'fieldNote'],
  ['date', 'fieldDate'],
  ['source', 'fieldSource'],
];

/** A version's shown fields as lines of text (a paragraph per line), and the rest as JSON. */
function lines(panel: PanelJson, lang: Lang): Array<{ key: string; label: string; text: string }> {
  const out: Array<{ key: string; label: string; text: string }> = [];
  const text = (value: unknown) => {
    if (typeof value === 'string') return value;
    const parts = localizedParts(value);
    return parts.en ? `${parts.zh} / ${parts.en}` : parts.zh;
  };
  for (const [field, name] of FIELDS)
    if (panel[field] !== undefined) out.push({ key: field, label: curateText(name, lang), text: text(panel[field]) });
  if (Array.isArray(panel.body))
    panel.body.forEach((paragraph, index) => {
      out.push({ key: `body.${index}`, label: curateText('fieldParagraph', lang, { n: index + 1 }), text: text(paragraph) });
    });
  const rest = Object.fromEntries(
    Object.entries(panel).filter(([field]) => field !== 'body' && !FIELDS.some(([shown]) => shown === field)),
  );
  out.push({ key: 'rest', label: 'JSON', text: JSON.stringify(rest, null, 1) });
  return out;
}

function Version({
  heading,
  panel,
  other,
  lang,
  goneText,
}: {
  heading: string;
  panel: PanelJson | null;
  other: PanelJson | null;
  lang: Lang;
  goneText: string;
}) {
  const headingId = useId();
  const otherLines = new Map((other ? lines(other, lang) : []).map((line) => [line.key, line.text]));
  return (
    <section className="curate-conflict__version" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      {panel === null ? (
        <p>{goneText}</p>
      ) : (
        <dl>
          {lines(panel, lang).map((line) => (
            <div key={line.key} data-differs={otherLines.get(line.key) !== line.text || undefined}>
              <dt>{line.label}</dt>
              <dd>{line.key === 'rest' ? <pre>{line.text}</pre> : line.text}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

export function CurateConflictDialog({
  lang,
  theirs,
  mine,
  onUseMine,
  onUseTheirs,
  onClose,
  subject = 'panel',
}: CurateConflictDialogProps) {
  const words = WORDS[subject];
  const titleId = useId();
  const detailId = useId();
  const dialog = useModalDialog({
    open: true,
    onClose,
    restoreFocus: (previous) => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    },
  });
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes, as Esc (the dialog's cancel) does from the keyboard
    <dialog
      ref={dialog.ref}
      className="curate-dialog curate-conflict"
      aria-labelledby={titleId}
      aria-describedby={detailId}
      onCancel={dialog.onCancel}
      onClick={dialog.onClick}
    >
      <div className="curate-dialog__frame">
        <h2 id={titleId} className="curate-dialog__title">
          {curateText(words.title, lang)}
        </h2>
        <p id={detailId}>{curateText(words.detail, lang)}</p>
        <div className="curate-conflict__versions">
          <Version
            heading={curateText('conflictTheirs', lang)}
            panel={theirs}
            other={mine}
            lang={lang}
            goneText={curateText(words.gone, lang)}
          />
          <Version
            heading={curateText('conflictMine', lang)}
            panel={mine}
            other={theirs}
            lang={lang}
            goneText={curateText(words.gone, lang)}
          />
        </div>
        <div className="curate-dialog__buttons">
          <button type="button" className="curate-button" onClick={onUseTheirs}>
            {curateText('useTheirs', lang)}
          </button>
          <button type="button" className="curate-button curate-button--primary" onClick={onUseMine} disabled={theirs === null}>
            {curateText('useMine', lang)}
          </button>
        </div>
      </div>
    </dialog>
  );
}

/** The × that closes an overlay: named for a screen reader, the same name as its tooltip. */
export interface CloseButtonProps {
  /** What it says it does (关闭, 关闭目录…), for the screen reader and the tooltip. */
  label: string;
  className: string;
  onClick(): void;
}

export function CloseButton({ label, className, onClick }: CloseButtonProps) {
  return (
    <button type="button" className={className} onClick={onClick} aria-label={label} title={label}>
      ×
    </button>
  );
}

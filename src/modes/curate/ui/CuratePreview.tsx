/**
 * 预览: builds the draft as the real site (POST api/curate/preview), says 正在生成预览… while the
 * station builds it (asking again every moment), then links 打开预览 to the panel in the preview
 * (a new tab). A failed build says why, with the end of its log.
 */
import { useEffect, useRef, useState } from 'react';
import { curateErrorText, curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { CurateApi, CurateError, PreviewStatus } from '../curateClient.ts';

export const PREVIEW_POLL_MS = 1_500;

type Phase =
  | { kind: 'idle' }
  | { kind: 'building' }
  | { kind: 'ready' }
  | { kind: 'failed'; message: string; log: string }
  | { kind: 'refused'; error: CurateError };

export function CuratePreview({ lang, api, panelId }: { lang: Lang; api: CurateApi; panelId: string }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      if (timer.current !== null) clearTimeout(timer.current);
    };
  }, []);

  const settle = (status: PreviewStatus) => {
    if (status.building) {
      setPhase({ kind: 'building' });
      timer.current = setTimeout(() => void poll(), PREVIEW_POLL_MS);
    } else if (status.error) setPhase({ kind: 'failed', message: status.error.message, log: status.error.log });
    else setPhase({ kind: 'ready' });
  };
  async function poll() {
    const answer = await api.previewStatus();
    if (!alive.current) return;
    if (answer.ok) settle(answer);
    else setPhase({ kind: 'refused', error: answer.error });
  }
  const start = async () => {
    if (timer.current !== null) clearTimeout(timer.current);
    setPhase({ kind: 'building' });
    const answer = await api.startPreview();
    if (!alive.current) return;
    if (answer.ok) settle(answer);
    else setPhase({ kind: 'refused', error: answer.error });
  };

  return (
    <div className="curate-preview">
      <button type="button" className="curate-button" disabled={phase.kind === 'building'} onClick={() => void start()}>
        {curateText('preview', lang)}
      </button>
      <p className="curate-status" role="status">
        {phase.kind === 'building' ? curateText('previewBuilding', lang) : ''}
      </p>
      {phase.kind === 'ready' && (
        <a className="curate-link" href={`preview/#/panel/${encodeURIComponent(panelId)}`} target="_blank" rel="noopener">
          {curateText('previewOpen', lang)}
        </a>
      )}
      {phase.kind === 'failed' && (
        <div className="curate-error" role="alert">
          <p>{curateText('previewFailed', lang, { message: phase.message })}</p>
          {phase.log && (
            <details>
              <summary>{curateText('previewLog', lang)}</summary>
              <pre className="curate-preview__log">{phase.log}</pre>
            </details>
          )}
        </div>
      )}
      {phase.kind === 'refused' && (
        <p className="curate-error" role="alert">
          {curateErrorText(phase.error, lang)}
        </p>
      )}
    </div>
  );
}

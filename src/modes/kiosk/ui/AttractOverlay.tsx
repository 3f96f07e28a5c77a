/**
 * The attract screen over the touring camera: the exhibition's name, a large 开始参观 button with
 * "Touch to start" beneath, and the board the tour rests on. The whole screen is one button, so a
 * touch anywhere starts the visit; it reacts to the click (after the finger lifts), so the touch
 * never lands on the corridor underneath as well.
 *
 * At the entrance the arch itself carries the exhibition's title, slogan and host in 3D, right
 * where the screen's own title would stand: there the screen's title fades away (from the moment
 * the tour turns back towards the entrance until it has glided on to the first board), and the
 * line at the bottom names the subtitle, which the arch does not show.
 */
import { allPanels } from '../../../content/load.ts';
import { localize } from '../../../content/localize.ts';
import { kioskText } from '../../../i18n/kioskStrings.ts';
import { useExhibition } from '../../../store/store.ts';
import { useKiosk } from '../kioskContext.ts';
import { entranceInAttractView } from '../kioskStore.ts';
import { IconTouch } from './icons.tsx';

export function AttractOverlay({ onStart }: { onStart(): void }) {
  const exhibition = useExhibition((state) => state.exhibition);
  const attractPanelId = useKiosk((state) => state.attractPanelId);
  const archInView = useKiosk(entranceInAttractView);
  if (!exhibition) return null;
  const panel = attractPanelId ? allPanels(exhibition).find((candidate) => candidate.id === attractPanelId) : undefined;
  const section = panel ? exhibition.sections.find((candidate) => candidate.panels.includes(panel)) : undefined;
  const showing = panel
    ? [localize(section?.title, 'zh'), panel.date?.slice(0, 4), localize(panel.title, 'zh')].filter(Boolean).join(' · ')
    : localize(exhibition.subtitle, 'zh') || localize(exhibition.theme, 'zh');

  return (
    <button
      type="button"
      className="kiosk-attract"
      aria-label={`${kioskText('kioskStart', 'zh')} · ${kioskText('kioskStart', 'en')}`}
      onClick={onStart}
      data-testid="kiosk-attract"
    >
      <span
        className={archInView ? 'kiosk-attract__head kiosk-attract__head--away' : 'kiosk-attract__head'}
        data-testid="kiosk-attract-head"
      >
        <span className="kiosk-attract__host">{localize(exhibition.host, 'zh')}</span>
        <span className="kiosk-attract__title">{localize(exhibition.title, 'zh')}</span>
        {exhibition.subtitle && <span className="kiosk-attract__subtitle">{localize(exhibition.subtitle, 'zh')}</span>}
      </span>
      <span className="kiosk-attract__cta">
        <span className="kiosk-start">
          {/* Keyed by the stop: the ring swells again each time the tour arrives somewhere. */}
          <span key={attractPanelId ?? 'entrance'} className="kiosk-start__ring" />
          <span className="kiosk-start__zh">{kioskText('kioskStart', 'zh')}</span>
          <span className="kiosk-start__en" lang="en">
            {kioskText('kioskStart', 'en')}
          </span>
        </span>
        <span className="kiosk-attract__invite">
          <span key={attractPanelId ?? 'entrance'} className="kiosk-attract__tap">
            <IconTouch />
          </span>
          <span>
            {kioskText('kioskInvite', 'zh')}
            <span className="kiosk-attract__invite-en" lang="en">
              {kioskText('kioskInvite', 'en')}
            </span>
          </span>
        </span>
        <span className="kiosk-attract__showing">
          <span className="kiosk-attract__showing-label">
            {panel ? kioskText('kioskNowShowing', 'zh') : kioskText('kioskEntrance', 'zh')}
          </span>
          <span className="kiosk-attract__showing-title">{showing}</span>
        </span>
      </span>
    </button>
  );
}

/**
 * The centenary timeline's year scrubber: a 1921–2021 slider that takes the visitor to where
 * the chosen year stands in the corridor (layout/yearScrubber.ts), with a tick under the slider
 * for every year that has a board. Each change is one store action (a camera goal the rig eases
 * to, or cuts to with reduced motion); nothing is set per frame.
 *
 * The readout follows the visitor: it shows the year of the place where they stand
 * (`yearAtPlace`), read from the rig's per-frame pose and re-rendered only when that year changes.
 * A year chosen on the slider stands while the camera goes there and until the visitor moves on
 * (another goal, or taking the controls), so the thumb does not slide back under the finger.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { allPanels } from '../content/load.ts';
import { type Lang, localize } from '../content/localize.ts';
import { periodOfYear } from '../content/periods.ts';
import type { Period } from '../content/schema.ts';
import { t } from '../i18n/strings.ts';
import { markBeside, timelineMarks, type YearMark, yearAnchors, yearAtPlace, yearFraction } from '../layout/yearScrubber.ts';
import { livePose, motionInput, onLivePose } from '../store/live.ts';
import { useExhibition } from '../store/store.ts';

/**
 * "1949年 · 中华人民共和国成立" at a board's year (the board beside the visitor when there is one,
 * else the year's first board), else just "1960年".
 */
export function yearValueText(
  year: number,
  anchors: readonly YearMark[],
  titles: ReadonlyMap<string, string>,
  lang: Lang,
  besidePanelId: string | null = null,
): string {
  const panelId = besidePanelId ?? anchors.find((anchor) => anchor.year === year)?.panelId;
  const title = panelId ? titles.get(panelId) : undefined;
  return title ? t('yearValueWithPanel', lang, { year, title }) : t('yearValue', lang, { year });
}

/**
 * The period of the Party's history the readout is in: the period of the board it names (the
 * first 1949 board is still the new-democratic revolution's), else the period of the year.
 */
export function shownPeriod(
  year: number,
  anchors: readonly YearMark[],
  periods: readonly Period[],
  periodOfPanel: ReadonlyMap<string, string>,
  besidePanelId: string | null = null,
): Period | null {
  const panelId = besidePanelId ?? anchors.find((anchor) => anchor.year === year)?.panelId;
  const named = panelId ? periodOfPanel.get(panelId) : undefined;
  return periods.find((period) => period.id === named) ?? periodOfYear(periods, year);
}

export function YearScrubber() {
  const exhibition = useExhibition((state) => state.exhibition);
  const layout = useExhibition((state) => state.layout);
  const lang = useExhibition((state) => state.lang);
  const inputId = useId();
  const marks = useMemo(() => (exhibition && layout ? timelineMarks(exhibition, layout) : []), [exhibition, layout]);
  const anchors = useMemo(() => yearAnchors(marks), [marks]);
  const titles = useMemo(
    () => new Map(exhibition ? allPanels(exhibition).map((panel) => [panel.id, localize(panel.title, lang)]) : []),
    [exhibition, lang],
  );
  const periods = exhibition?.periods ?? [];
  const periodOfPanel = useMemo(
    () =>
      new Map(
        exhibition
          ? allPanels(exhibition).flatMap((panel) =>
              panel.kind === 'milestone' ? [[panel.id, panel.period] as [string, string]] : [],
            )
          : [],
      ),
    [exhibition],
  );
  const first = anchors[0]?.year ?? 0;
  const last = anchors.at(-1)?.year ?? 0;
  const [shownPlace, setShownPlace] = useState<{ year: number | null; panelId: string | null }>({ year: null, panelId: null });
  const shownKey = useRef('');
  /** The year chosen on the slider, with the camera goal it set and the visitor's controls then. */
  const chosen = useRef<{ year: number; goalSeq: number | undefined; takeover: number } | null>(null);

  useEffect(() => {
    if (marks.length === 0) return;
    const follow = () => {
      const held = chosen.current;
      const stands =
        held !== null && held.goalSeq === useExhibition.getState().cameraGoal?.seq && held.takeover === motionInput.takeover;
      if (!stands) chosen.current = null;
      const next = stands ? held.year : yearAtPlace(marks, livePose);
      const beside = stands ? null : (markBeside(marks, livePose)?.panelId ?? null);
      const key = `${next}|${beside}`;
      if (key !== shownKey.current) {
        shownKey.current = key;
        setShownPlace({ year: next, panelId: beside });
      }
    };
    follow();
    return onLivePose(follow);
  }, [marks]);

  if (anchors.length < 2) return null;
  const shown = shownPlace.year ?? first;
  const valueText = yearValueText(shown, anchors, titles, lang, shownPlace.panelId);
  const period = shownPeriod(shown, anchors, periods, periodOfPanel, shownPlace.panelId);

  return (
    <div className="year-scrubber">
      <div className="year-scrubber__label">
        <label htmlFor={inputId}>{t('yearScrubber', lang)}</label>
        <output htmlFor={inputId} className="year-scrubber__value">
          {valueText}
        </output>
        {period && <span className="year-scrubber__period">{localize(period.title, lang)}</span>}
      </div>
      <div className="year-scrubber__track">
        <input
          id={inputId}
          type="range"
          min={first}
          max={last}
          step={1}
          value={shown}
          aria-valuetext={valueText}
          onChange={(event) => {
            const next = Number(event.currentTarget.value);
            useExhibition.getState().goToYear(next);
            chosen.current = { year: next, goalSeq: useExhibition.getState().cameraGoal?.seq, takeover: motionInput.takeover };
            shownKey.current = `${next}|null`;
            setShownPlace({ year: next, panelId: null });
          }}
        />
        <ol className="year-scrubber__ticks" aria-hidden="true">
          {anchors.map((anchor) => (
            <li
              key={anchor.year}
              className={anchor.year === shown ? 'year-scrubber__tick year-scrubber__tick--current' : 'year-scrubber__tick'}
              style={{ '--at': yearFraction(anchor.year, first, last) } as React.CSSProperties}
              title={`${anchor.year} · ${titles.get(anchor.panelId) ?? ''}`}
            />
          ))}
        </ol>
        {periods.length > 0 && (
          <ol className="year-scrubber__periods" aria-hidden="true">
            {periods.map((item) => (
              <li
                key={item.id}
                className={item.id === period?.id ? 'year-scrubber__band year-scrubber__band--current' : 'year-scrubber__band'}
                style={
                  {
                    '--from': yearFraction(item.from, first, last),
                    '--to': yearFraction(item.to ?? last, first, last),
                  } as React.CSSProperties
                }
                title={localize(item.title, lang)}
              />
            ))}
          </ol>
        )}
        <div className="year-scrubber__ends" aria-hidden="true">
          <span>{first}</span>
          <span>{last}</span>
        </div>
      </div>
    </div>
  );
}

/**
 * The floor plan: the corridor from above (layout/floorPlan.ts), its sections in their colours
 * with a legend of buttons that take the visitor there, every board against its wall, and the
 * visitor as an arrow. Tapping the plan goes to the board or the section under the finger.
 *
 * The arrow follows the camera without React: the rig reports each drawn frame (`onLivePose`),
 * and one animation frame later the arrow's `transform` is written straight to the SVG element.
 * Nothing is drawn or set while the corridor is idle. The year scrubber lives in the same panel;
 * on a screen narrower than 1100 px (a phone, a tablet) the panel starts collapsed.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { localize } from '../content/localize.ts';
import { floorPlan, hitFloorPlan, type PlanSize, planHeadingDegrees, toPlan } from '../layout/floorPlan.ts';
import { livePose, onLivePose, useExhibition } from '../store/store.ts';
import { t } from './strings.ts';
import { YearScrubber } from './YearScrubber.tsx';

/** Plan units: the SVG's viewBox. The corridor's width is stretched to stay legible. */
const PLAN_SIZE: PlanSize = { width: 340, height: 56 };
/** A tap this near a board (in plan units, about CSS pixels) lands on it. */
const BOARD_REACH = 9;
/** Below this width the panel starts collapsed: a board seen close up spans most of a smaller screen. */
const COLLAPSED_BELOW = '(max-width: 1099px)';

export function FloorPlan() {
  const exhibition = useExhibition((state) => state.exhibition);
  const layout = useExhibition((state) => state.layout);
  const lang = useExhibition((state) => state.lang);
  const [expanded, setExpanded] = useState(() => !window.matchMedia?.(COLLAPSED_BELOW).matches);
  const bodyId = useId();
  const headingId = useId();
  const svg = useRef<SVGSVGElement>(null);
  const marker = useRef<SVGGElement>(null);
  const plan = useMemo(() => (layout ? floorPlan(layout, PLAN_SIZE) : null), [layout]);

  // The visitor's arrow, written to the DOM at most once per animation frame while frames are drawn.
  useEffect(() => {
    if (!layout || !expanded) return;
    let scheduled = 0;
    const draw = () => {
      scheduled = 0;
      const point = toPlan(layout, PLAN_SIZE, livePose.position[0], livePose.position[2]);
      const heading = planHeadingDegrees(layout, PLAN_SIZE, livePose.yaw);
      marker.current?.setAttribute(
        'transform',
        `translate(${point.u.toFixed(1)} ${point.v.toFixed(1)}) rotate(${heading.toFixed(1)})`,
      );
    };
    draw();
    const unsubscribe = onLivePose(() => {
      if (scheduled === 0) scheduled = requestAnimationFrame(draw);
    });
    return () => {
      unsubscribe();
      if (scheduled !== 0) cancelAnimationFrame(scheduled);
    };
  }, [layout, expanded]);

  // Taps on the drawing (a pointer convenience: the legend and the board list do the same by keyboard).
  useEffect(() => {
    const element = svg.current;
    if (!element || !plan) return;
    const onClick = (event: MouseEvent) => {
      const matrix = element.getScreenCTM();
      if (!matrix) return;
      const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
      const hit = hitFloorPlan(plan, { u: point.x, v: point.y }, BOARD_REACH);
      if (hit?.kind === 'board') useExhibition.getState().openPanel(hit.panelId);
      else if (hit?.kind === 'section') useExhibition.getState().goToSection(hit.sectionId);
    };
    element.addEventListener('click', onClick);
    return () => element.removeEventListener('click', onClick);
  }, [plan]);

  if (!exhibition || !layout || !plan) return null;
  const accents = new Map(exhibition.sections.map((section) => [section.id, section.accent ?? '#9b1b1e']));

  return (
    <section className={expanded ? 'floor-plan' : 'floor-plan floor-plan--collapsed'} aria-labelledby={headingId}>
      <h2 id={headingId} className="floor-plan__heading">
        <button
          type="button"
          className="floor-plan__toggle"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => setExpanded(!expanded)}
        >
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {t('floorPlan', lang)}
          <span className="visually-hidden"> · {t(expanded ? 'floorPlanHide' : 'floorPlanShow', lang)}</span>
        </button>
      </h2>
      <div id={bodyId} className="floor-plan__body" hidden={!expanded}>
        <svg
          ref={svg}
          className="floor-plan__map"
          viewBox={`-4 -4 ${PLAN_SIZE.width + 8} ${PLAN_SIZE.height + 8}`}
          role="img"
          aria-label={t('floorPlanMap', lang)}
        >
          {plan.sections.map((section) => (
            <rect
              key={section.sectionId}
              className="floor-plan__section"
              data-section-id={section.sectionId}
              x={section.rect.u}
              y={section.rect.v}
              width={section.rect.width}
              height={section.rect.height}
              fill={accents.get(section.sectionId)}
            />
          ))}
          <rect className="floor-plan__outline" x={0} y={0} width={PLAN_SIZE.width} height={PLAN_SIZE.height} fill="none" />
          {plan.boards.map((board) => (
            <rect
              key={board.panelId}
              className="floor-plan__board"
              data-panel-id={board.panelId}
              x={board.rect.u}
              y={board.rect.v}
              width={board.rect.width}
              height={board.rect.height}
            />
          ))}
          <g ref={marker} className="floor-plan__marker" data-testid="floor-plan-marker">
            <path d="M 13 0 L -5 -7 L -1 0 L -5 7 Z" />
          </g>
        </svg>
        <ul className="floor-plan__legend" aria-label={t('floorPlanSections', lang)}>
          {exhibition.sections.map((section) => (
            <li key={section.id}>
              <button
                type="button"
                data-section-id={section.id}
                style={{ '--accent': accents.get(section.id) } as React.CSSProperties}
                onClick={() => useExhibition.getState().goToSection(section.id)}
              >
                {localize(section.title, lang)}
              </button>
            </li>
          ))}
        </ul>
        <YearScrubber />
      </div>
    </section>
  );
}

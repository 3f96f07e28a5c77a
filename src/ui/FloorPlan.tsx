/**
 * The floor plan: the corridor from above (layout/floorPlan.ts), its sections in their colours
 * with a legend of buttons that take the visitor there, every board against its wall, and the
 * visitor as an arrow. Tapping the plan goes to the board or the section under the finger.
 *
 * The arrow follows the camera without React: the rig reports each drawn frame (`onLivePose`),
 * and one animation frame later the arrow's `transform` is written straight to the SVG element.
 * Nothing is drawn or set while the corridor is idle. The year scrubber lives in the same panel;
 * on a screen narrower than 1100 px (a phone, a tablet) the panel starts collapsed, and folds
 * away again once it has taken the visitor somewhere, so the place reached is not hidden by it.
 *
 * The boards are small bars on the plan; each has an invisible target at least 24 CSS pixels
 * square (44 on a touch screen) around it, and a tap where targets overlap opens the nearest.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { localize } from '../content/localize.ts';
import { periodRuns } from '../content/periods.ts';
import { t } from '../i18n/strings.ts';
import {
  floorPlan,
  floorPlanPeriods,
  hitFloorPlan,
  MIN_TARGET_PX,
  MIN_TOUCH_TARGET_PX,
  type PlanSize,
  pixelsToPlanUnits,
  planHeadingDegrees,
  toPlan,
} from '../layout/floorPlan.ts';
import { livePose, onLivePose } from '../store/live.ts';
import { useExhibition } from '../store/store.ts';
import { YearScrubber } from './YearScrubber.tsx';

/** Plan units: the SVG's viewBox. The corridor's width is stretched to stay legible. */
const PLAN_SIZE: PlanSize = { width: 340, height: 56 };
/** Below this width the panel starts collapsed: a board seen close up spans most of a smaller screen. */
const COLLAPSED_BELOW = '(max-width: 1099px)';
const COARSE_POINTER = '(pointer: coarse)';

const matches = (query: string) => Boolean(window.matchMedia?.(query).matches);

/** The drawing's width on screen in CSS pixels (0 while it is hidden), followed as it changes. */
function useRenderedWidth(element: React.RefObject<Element | null>, active: boolean): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const target = element.current;
    if (!target || !active) return;
    const measure = () => {
      const measured = target.getBoundingClientRect().width;
      if (measured > 0) setWidth(measured);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, active]);
  return width;
}

/** A touch screen's pointer, followed as it changes (a tablet's keyboard attached or taken off). */
function useCoarsePointer(): boolean {
  const [coarse, setCoarse] = useState(() => matches(COARSE_POINTER));
  useEffect(() => {
    const query = window.matchMedia?.(COARSE_POINTER);
    if (!query) return;
    const onChange = () => setCoarse(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return coarse;
}

export function FloorPlan() {
  const exhibition = useExhibition((state) => state.exhibition);
  const layout = useExhibition((state) => state.layout);
  const lang = useExhibition((state) => state.lang);
  const [expanded, setExpanded] = useState(() => !matches(COLLAPSED_BELOW));
  const bodyId = useId();
  const headingId = useId();
  const svg = useRef<SVGSVGElement>(null);
  const marker = useRef<SVGGElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const body = useRef<HTMLDivElement>(null);
  // The drawing exists once the layout does, and is measured while the panel is open.
  const renderedWidth = useRenderedWidth(svg, expanded && exhibition !== null && layout !== null);
  const targetPx = useCoarsePointer() ? MIN_TOUCH_TARGET_PX : MIN_TARGET_PX;
  const minTarget = pixelsToPlanUnits(targetPx, renderedWidth, PLAN_SIZE);
  const plan = useMemo(() => (layout ? floorPlan(layout, PLAN_SIZE, minTarget) : null), [layout, minTarget]);
  const periods = useMemo(() => {
    if (!plan || !exhibition) return [];
    const runs = exhibition.sections.flatMap((section) =>
      periodRuns(section.panels, exhibition.periods ?? []).map((run) => ({
        sectionId: section.id,
        periodId: run.period?.id ?? null,
        panelIds: run.panels.map((panel) => panel.id),
      })),
    );
    return floorPlanPeriods(plan, runs);
  }, [plan, exhibition]);

  /** After taking the visitor somewhere: on a small screen the panel folds away, off the view. */
  const afterJump = useRef(() => {});
  afterJump.current = () => {
    if (!matches(COLLAPSED_BELOW)) return;
    // The focus must not vanish with the panel's body: it goes to the button that opens it again.
    if (body.current?.contains(document.activeElement)) toggle.current?.focus();
    setExpanded(false);
  };

  /**
   * The panel's body (a ref callback, with React 19's cleanup). The year scrubber in it: once a
   * finger or a mouse lets go of it (the native change event; React's onChange is the input
   * event) the panel folds away, not after keys or a screen reader's steps, which go on from it.
   */
  const bodyRef = useCallback((element: HTMLDivElement | null) => {
    body.current = element;
    if (!element) return;
    let byPointer = false;
    const isSlider = (event: Event) => event.target instanceof HTMLInputElement && event.target.type === 'range';
    const onPointerDown = (event: Event) => {
      byPointer = isSlider(event);
    };
    const onKeyDown = () => {
      byPointer = false;
    };
    const onChange = (event: Event) => {
      if (!isSlider(event)) return;
      const released = byPointer;
      byPointer = false;
      if (released) afterJump.current();
    };
    element.addEventListener('pointerdown', onPointerDown);
    element.addEventListener('keydown', onKeyDown);
    element.addEventListener('change', onChange);
    return () => {
      body.current = null;
      element.removeEventListener('pointerdown', onPointerDown);
      element.removeEventListener('keydown', onKeyDown);
      element.removeEventListener('change', onChange);
    };
  }, []);

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
      const hit = hitFloorPlan(plan, { u: point.x, v: point.y });
      if (hit?.kind === 'board') useExhibition.getState().openPanel(hit.panelId);
      else if (hit?.kind === 'section') useExhibition.getState().goToSection(hit.sectionId);
      if (hit) afterJump.current();
    };
    element.addEventListener('click', onClick);
    return () => element.removeEventListener('click', onClick);
  }, [plan]);

  if (!exhibition || !layout || !plan) return null;
  const accents = new Map(exhibition.sections.map((section) => [section.id, section.accent ?? '#9b1b1e']));
  const periodTitles = new Map((exhibition.periods ?? []).map((period) => [period.id, localize(period.title, lang)]));

  return (
    <section className={expanded ? 'floor-plan' : 'floor-plan floor-plan--collapsed'} aria-labelledby={headingId}>
      <h2 id={headingId} className="floor-plan__heading">
        <button
          ref={toggle}
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
      <div ref={bodyRef} id={bodyId} className="floor-plan__body" hidden={!expanded}>
        <svg
          ref={svg}
          className="floor-plan__map"
          viewBox={`${plan.viewBox.u} ${plan.viewBox.v} ${plan.viewBox.width} ${plan.viewBox.height}`}
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
          {/* The periods of the timeline as stretches along the walkway, each named in its tooltip. */}
          {periods.map((period, index) => (
            <rect
              key={`${period.sectionId}-${index}`}
              className={index % 2 === 0 ? 'floor-plan__period' : 'floor-plan__period floor-plan__period--alternate'}
              data-period-id={period.periodId}
              x={period.from + 1}
              y={PLAN_SIZE.height / 2 - 2}
              width={Math.max(0, period.to - period.from - 2)}
              height={4}
            >
              <title>{periodTitles.get(period.periodId)}</title>
            </rect>
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
          {/* Invisible, on top: where a tap opens each board (the click handler above decides). */}
          {plan.boards.map((board) => (
            <rect
              key={board.panelId}
              className="floor-plan__target"
              data-panel-id={board.panelId}
              x={board.target.u}
              y={board.target.v}
              width={board.target.width}
              height={board.target.height}
            />
          ))}
        </svg>
        <ul className="floor-plan__legend" aria-label={t('floorPlanSections', lang)}>
          {exhibition.sections.map((section) => (
            <li key={section.id}>
              <button
                type="button"
                data-section-id={section.id}
                style={{ '--accent': accents.get(section.id) } as React.CSSProperties}
                onClick={() => {
                  useExhibition.getState().goToSection(section.id);
                  afterJump.current();
                }}
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

import type { Lang } from '../../content/localize.ts';
import type { Panel, PanelKind } from '../../content/schema.ts';
import type { boardTextPlan } from '../../layout/boardText.ts';

/** What every board body gets: its panel (of its own kind), the text plan and where the body starts. */
export interface BoardBodyProps<K extends PanelKind = PanelKind> {
  panel: Extract<Panel, { kind: K }>;
  lang: Lang;
  plan: ReturnType<typeof boardTextPlan>;
  /** The board's size, in metres. */
  width: number;
  height: number;
  /** The left edge of the text, in the board's frame. */
  left: number;
  /** The top of the body (under the title band), in the board's frame. */
  bodyTop: number;
  /** The panel's summary in the visitor's language. */
  summary: string;
}

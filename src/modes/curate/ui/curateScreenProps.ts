/**
 * What every curator screen (src/modes/curate/ui/curateScreens.ts lists them) is given: the
 * language, the API (an `unauthorized` answer ends the page's session), and who is logged in.
 * A file of its own, so the screens need not import the list that imports them.
 */
import type { Lang } from '../../../i18n/lang.ts';
import type { CuratorSession } from '../../../live/curateProtocol.ts';
import type { CurateApi } from '../curateClient.ts';

export interface CurateScreenProps {
  lang: Lang;
  api: CurateApi;
  session: CuratorSession;
}

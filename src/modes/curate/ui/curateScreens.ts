/**
 * The curator's screens, in the order the nav lists them, each with the role it needs: the page
 * shows a screen only to an account whose role satisfies it (`roleSatisfies`: a reviewer may see
 * all an editor may), and starts on the first nav screen the account may see.
 *
 * The draft editor (展板编辑, CurateEditor) comes first: every account lands on it.
 */
import type { ComponentType } from 'react';
import type { CurateStringKey } from '../../../i18n/curateStrings.ts';
import { type CurateRole, roleSatisfies } from '../../../live/curateProtocol.ts';
import { CurateAccounts } from './CurateAccounts.tsx';
import { CurateAudit } from './CurateAudit.tsx';
import { CurateEditor } from './CurateEditor.tsx';
import { CurateHistory } from './CurateHistory.tsx';
import { CuratePack } from './CuratePack.tsx';
import { CuratePassword } from './CuratePassword.tsx';
import { CurateQuizzes } from './CurateQuizzes.tsx';
import { CurateReview } from './CurateReview.tsx';
import { CurateSections } from './CurateSections.tsx';
import { CurateSettings } from './CurateSettings.tsx';
import { CurateTours } from './CurateTours.tsx';
import type { CurateScreenProps } from './curateScreenProps.ts';

export type CurateScreenId =
  | 'panels'
  // The exhibition's own documents.
  | 'settings'
  | 'sections'
  | 'tours'
  | 'quizzes'
  // 先审后发 (issue 18): submitting, reviewing, publishing; the published versions.
  | 'review'
  | 'history'
  // The content as a zip (导出与导入).
  | 'pack'
  | 'accounts'
  | 'audit'
  | 'password';

export interface CurateScreen {
  id: CurateScreenId;
  /** The nav entry's words, and the screen's heading. */
  label: CurateStringKey;
  needs: CurateRole;
  /** In the nav (false: reached from the header, as 修改密码 is). */
  inNav: boolean;
  Component: ComponentType<CurateScreenProps>;
}

export const CURATE_SCREENS: readonly CurateScreen[] = [
  { id: 'panels', label: 'navPanels', needs: 'editor', inNav: true, Component: CurateEditor },
  // The exhibition's own documents (展览设置, 栏目, 讲解路线, 知识问答).
  { id: 'settings', label: 'navSettings', needs: 'editor', inNav: true, Component: CurateSettings },
  { id: 'sections', label: 'navSections', needs: 'editor', inNav: true, Component: CurateSections },
  { id: 'tours', label: 'navTours', needs: 'editor', inNav: true, Component: CurateTours },
  { id: 'quizzes', label: 'navQuizzes', needs: 'editor', inNav: true, Component: CurateQuizzes },
  // 先审后发 (issue 18): everyone submits and sees; the screens offer a reviewer's buttons to reviewers.
  { id: 'review', label: 'navReview', needs: 'editor', inNav: true, Component: CurateReview },
  { id: 'history', label: 'navHistory', needs: 'editor', inNav: true, Component: CurateHistory },
  { id: 'pack', label: 'navPack', needs: 'editor', inNav: true, Component: CuratePack },
  { id: 'accounts', label: 'accountsTitle', needs: 'reviewer', inNav: true, Component: CurateAccounts },
  { id: 'audit', label: 'auditTitle', needs: 'reviewer', inNav: true, Component: CurateAudit },
  { id: 'password', label: 'passwordTitle', needs: 'editor', inNav: false, Component: CuratePassword },
];

/** The screens an account of `role` may see, in order. */
export function screensFor(role: CurateRole, screens: readonly CurateScreen[] = CURATE_SCREENS): CurateScreen[] {
  return screens.filter((screen) => roleSatisfies(role, screen.needs));
}

/** Where a login lands: the first nav screen the role may see, else the first screen at all. */
export function landingScreen(role: CurateRole, screens: readonly CurateScreen[] = CURATE_SCREENS): CurateScreen | undefined {
  const allowed = screensFor(role, screens);
  return allowed.find((screen) => screen.inNav) ?? allowed[0];
}

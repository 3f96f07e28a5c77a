/**
 * The audit page names every change the draft records in words (操作日志), not as its code: the
 * codes are read from the draft's own source, so an action added there without words fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditActionText } from '../../src/i18n/curateStrings.ts';
import { PACK_AUDIT_ACTIONS } from '../../src/server/curate/contentPack.ts';
import { PUBLISH_AUDIT_ACTIONS } from '../../src/server/curate/publishing.ts';

const DRAFT_SOURCE = readFileSync('src/server/curate/draft.ts', 'utf8');
const DOCUMENT_KINDS = ['settings', 'section', 'tour', 'quiz'];

/** Every `action:` the draft records, its `${ref.kind}` / `${kind}` templates spelled out for each document kind. */
function recordedActions(): string[] {
  const codes = new Set<string>();
  for (const [, quoted] of DRAFT_SOURCE.matchAll(/action: (['`][^'`]+['`])/g)) {
    const code = (quoted as string).slice(1, -1);
    if (!code.includes('${')) codes.add(code);
    else for (const kind of DOCUMENT_KINDS) codes.add(code.replace(/\$\{[^}]+\}/, kind));
  }
  return [...codes];
}

describe('the audit log’s words for the draft’s changes', () => {
  it('finds the draft’s actions', () => {
    expect(recordedActions()).toEqual(expect.arrayContaining(['update-panel', 'add-photo', 'update-settings', 'delete-quiz']));
  });

  it('has Chinese and English words for every one the draft can record', () => {
    // `add-settings` and the like are spelled out by the template but never recorded: the settings
    // are only ever updated (there is one of them, in no list).
    const never = new Set(['add-settings', 'delete-settings', 'move-settings']);
    for (const action of recordedActions().filter((code) => !never.has(code))) {
      expect(auditActionText(action, 'zh'), action).not.toBe(action);
      expect(auditActionText(action, 'en'), action).not.toBe(action);
      expect(auditActionText(action, 'zh'), action).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('has words for every publishing action too', () => {
    for (const action of PUBLISH_AUDIT_ACTIONS) {
      expect(auditActionText(action, 'zh'), action).toMatch(/[\u4e00-\u9fff]/);
      expect(auditActionText(action, 'en'), action).not.toBe(action);
    }
  });

  // The content as a zip (src/server/curate/contentPack.ts).
  it('has words for the content pack’s export and import', () => {
    for (const action of PACK_AUDIT_ACTIONS) {
      expect(auditActionText(action, 'zh'), action).toMatch(/[\u4e00-\u9fff]/);
      expect(auditActionText(action, 'en'), action).not.toBe(action);
    }
  });
});

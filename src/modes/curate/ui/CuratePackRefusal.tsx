/**
 * A refused content zip in words (src/live/curatePackProtocol.ts PACK_ERRORS): the entry it names,
 * what is wrong with it, and for a pack whose content fails the check, each problem with its file
 * and place. Everything the zip named (entries, messages) is rendered as text.
 */
import { type CurateStringKey, curateErrorText, curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { JsonPath } from '../../../live/curateDraftProtocol.ts';
import type { PackErrorCode } from '../../../live/curatePackProtocol.ts';
import type { CurateError, PackAnswer } from '../curateClient.ts';

const PACK_ERROR_TEXT: Record<PackErrorCode, CurateStringKey> = {
  'not-zip': 'packErrorNotZip',
  'damaged-zip': 'packErrorDamagedZip',
  'unsupported-zip': 'packErrorUnsupportedZip',
  'bad-entry-name': 'packErrorBadEntryName',
  'outside-folders': 'packErrorOutsideFolders',
  'not-a-file': 'packErrorNotAFile',
  'duplicate-entry': 'packErrorDuplicateEntry',
  'entry-too-large': 'packErrorEntryTooLarge',
  'pack-too-large': 'packErrorPackTooLarge',
  'too-many-entries': 'packErrorTooManyEntries',
  'bad-content-file': 'packErrorBadContentFile',
  'not-a-photo': 'packErrorNotAPhoto',
  'unsafe-svg': 'packErrorUnsafeSvg',
  'not-a-pack': 'packErrorNotAPack',
  'pack-has-errors': 'packErrorHasErrors',
  'draft-has-changes': 'packReplaceDetail',
  busy: 'packErrorBusy',
  'too-large': 'packErrorTooLarge',
};

/** A pack refusal's code in words; the API's own codes (offline, forbidden…) as everywhere else. */
export function packRefusalText(error: string, lang: Lang): string {
  const key = (PACK_ERROR_TEXT as Partial<Record<string, CurateStringKey>>)[error];
  return key ? curateText(key, lang) : curateErrorText(error as CurateError, lang);
}

/** A JSON path as a developer reads it: panels[0].title. */
export function jsonPathText(path: JsonPath): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

export interface CuratePackRefusalProps {
  refusal: Extract<PackAnswer, { ok: false }>;
  lang: Lang;
}

export function CuratePackRefusal({ refusal, lang }: CuratePackRefusalProps) {
  const entry = 'entry' in refusal && typeof refusal.entry === 'string' ? refusal.entry : null;
  const problems = 'problems' in refusal && Array.isArray(refusal.problems) ? refusal.problems : [];
  return (
    <div className="curate-error" role="alert">
      <p>
        {entry !== null && curateText('packRefusedEntry', lang, { entry })}
        {packRefusalText(refusal.error, lang)}
      </p>
      {problems.length > 0 && (
        <ul>
          {problems.map((problem, index) => (
            <li key={`${index}-${problem.file}`}>
              {curateText(problem.path.length > 0 ? 'packProblemAt' : 'packProblemInFile', lang, {
                file: `assets/${problem.file}`,
                path: jsonPathText(problem.path),
                message: problem.message[lang] || problem.message.zh,
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

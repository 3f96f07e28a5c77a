/**
 * One changed thing of a submission: its kind of change in words and its title (新增：党的创立),
 * its id, a panel's section before and after when it moved, and each changed field as a row of a
 * table — the field's name, then the old and the new value side by side. A photo shows the old
 * and the new thumbnail side by side instead. Staff-written text is only ever React text.
 */
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { ContentChange } from '../../../live/curateReviewProtocol.ts';
import { reviewPhotoUrl } from '../curateClient.ts';
import { textIn } from '../draftModel.ts';
import { changeKindText, fieldName } from '../reviewModel.ts';
import { CurateChangeValue } from './CurateChangeValue.tsx';
import { CurateReviewPhoto } from './CurateReviewPhoto.tsx';

export interface CurateChangeEntryProps {
  lang: Lang;
  change: ContentChange;
  submissionId: string;
  /** The version the old side is (null: the published content). */
  beforeVersion?: number | null;
}

export function CurateChangeEntry({ lang, change, submissionId, beforeVersion = null }: CurateChangeEntryProps) {
  const title =
    change.kind === 'photo'
      ? change.src
      : textIn(change.title, lang) ||
        (change.kind === 'settings' ? curateText('reviewGroupSettings', lang) : '') ||
        curateText('untitled', lang);
  const none = curateText('reviewValueNone', lang);
  return (
    <li className="curate-change" data-kind={change.kind} data-change={change.change}>
      <h5 className="curate-change__heading">
        {curateText('reviewChangeHeading', lang, { change: changeKindText(change.change, lang), title })}
      </h5>
      {change.kind !== 'photo' && change.id !== null && (
        <p className="curate-hint">{curateText('reviewEntryId', lang, { id: change.id })}</p>
      )}
      {change.kind === 'panel' && change.sectionBefore !== change.sectionAfter && (
        <p>
          {curateText('reviewPanelSection', lang, {
            before: textIn(change.sectionBeforeTitle, lang) || change.sectionBefore || none,
            after: textIn(change.sectionAfterTitle, lang) || change.sectionAfter || none,
          })}
        </p>
      )}
      {change.kind === 'photo' ? (
        <div className="curate-change__sides">
          <div>
            <p className="curate-change__side-name">{curateText('reviewBeforeColumn', lang)}</p>
            {change.change === 'added' ? (
              <p className="curate-hint">{none}</p>
            ) : (
              <CurateReviewPhoto
                lang={lang}
                src={change.src}
                side="before"
                url={reviewPhotoUrl(null, change.src, beforeVersion)}
              />
            )}
          </div>
          <div>
            <p className="curate-change__side-name">{curateText('reviewAfterColumn', lang)}</p>
            {change.change === 'removed' ? (
              <p className="curate-hint">{none}</p>
            ) : (
              <CurateReviewPhoto lang={lang} src={change.src} side="after" url={reviewPhotoUrl(submissionId, change.src)} />
            )}
          </div>
        </div>
      ) : (
        change.fields.length > 0 && (
          <table className="curate-change__fields" aria-label={curateText('reviewFieldsOf', lang, { title })}>
            <thead>
              <tr>
                <th scope="col">{curateText('reviewFieldColumn', lang)}</th>
                <th scope="col">{curateText('reviewBeforeColumn', lang)}</th>
                <th scope="col">{curateText('reviewAfterColumn', lang)}</th>
              </tr>
            </thead>
            <tbody>
              {change.fields.map((field) => (
                <tr key={field.field} data-field={field.field}>
                  <th scope="row">{fieldName(change.kind, field.field, lang)}</th>
                  <td>
                    <CurateChangeValue
                      lang={lang}
                      value={field.before}
                      side="before"
                      submissionId={submissionId}
                      beforeVersion={beforeVersion}
                    />
                  </td>
                  <td>
                    <CurateChangeValue lang={lang} value={field.after} side="after" submissionId={submissionId} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
    </li>
  );
}

/**
 * The fields of one panel (展板编辑): 标题, 摘要, 正文 (paragraphs added and removed), 日期, 待补充说明
 * (a to-fill board), 资料来源, and the images with their caption and alt text (上传照片 sends the
 * file itself to the station). The form edits a copy of the panel's JSON and changes only the
 * field typed in: every other field of the kind (a milestone's period, a member board's people…)
 * is kept as it came, and named so the staff know it is there.
 */
import { useId, useState } from 'react';
import { type CurateStringKey, curateErrorText, curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { DraftProblem } from '../../../live/curateDraftProtocol.ts';
import type { CurateApi, CurateError } from '../curateClient.ts';
import { type PanelJson, placeProblems, withLanguage } from '../draftModel.ts';
import { FieldProblems, LocalizedField } from './LocalizedField.tsx';

/** The fields this form shows; any other is kept untouched. */
const SHOWN = new Set(['id', 'kind', 'title', 'summary', 'body', 'date', 'note', 'source', 'images']);
const DATED_KINDS = new Set(['milestone', 'event']);

export interface CuratePanelFormProps {
  lang: Lang;
  api: Pick<CurateApi, 'uploadPhoto'>;
  panel: PanelJson;
  problems: ReadonlyArray<DraftProblem & { key: string }>;
  onChange(panel: PanelJson): void;
}

type Image = Record<string, unknown>;

const isEmptyText = (value: unknown) => value === '' || value === undefined;

/** The panel with `field` set, or without it when `value` is undefined. */
function withField(panel: PanelJson, field: string, value: unknown): PanelJson {
  const next = { ...panel };
  if (value === undefined) delete next[field];
  else next[field] = value;
  return next;
}

export function CuratePanelForm({ lang, api, panel, problems, onChange }: CuratePanelFormProps) {
  const id = useId();
  const [upload, setUpload] = useState<{ state: 'busy' | 'done' | 'failed'; reason?: string } | null>(null);
  const kind = typeof panel.kind === 'string' ? panel.kind : '';
  const body = Array.isArray(panel.body) ? panel.body : [];
  const images: Image[] = Array.isArray(panel.images)
    ? panel.images.map((image) => (typeof image === 'object' && image !== null ? (image as Image) : {}))
    : [];
  const showDate = DATED_KINDS.has(kind) || 'date' in panel;
  const showNote = kind === 'to-fill' || 'note' in panel;

  const keys = [
    'title',
    'summary',
    'body',
    'date',
    'note',
    'source',
    'images',
    ...body.map((_, index) => `body.${index}`),
    ...images.flatMap((_, index) => [`images.${index}`, `images.${index}.caption`, `images.${index}.alt`]),
  ];
  const placed = placeProblems(problems, keys);
  const at = (key: string) => placed.get(key);

  /** A localized field changed in one language; an optional one emptied in both is left out. */
  const localized = (field: string, required: boolean) => (language: 'zh' | 'en', text: string) => {
    const value = withLanguage(panel[field], language, text);
    onChange(withField(panel, field, !required && isEmptyText(value) ? undefined : value));
  };
  const setBody = (next: unknown[]) => onChange(withField(panel, 'body', next.length ? next : undefined));
  const setImages = (next: Image[]) => onChange(withField(panel, 'images', next.length ? next : undefined));
  const setImage = (index: number, field: 'caption' | 'alt') => (language: 'zh' | 'en', text: string) =>
    setImages(
      images.map((image, at) => (at === index ? { ...image, [field]: withLanguage(image[field], language, text) } : image)),
    );

  const uploadFile = async (file: File) => {
    setUpload({ state: 'busy' });
    const answer = await api.uploadPhoto(file);
    if (!answer.ok) {
      return setUpload({ state: 'failed', reason: answer.message ?? curateErrorText(answer.error as CurateError, lang) });
    }
    setUpload({ state: 'done' });
    setImages([...images, { src: answer.src, caption: '', alt: '' }]);
  };

  const kept = Object.keys(panel).filter((field) => !SHOWN.has(field));
  const dateId = `${id}-date`;
  const kindName: CurateStringKey | null =
    (
      {
        milestone: 'kindMilestone',
        event: 'kindEvent',
        member: 'kindMember',
        stats: 'kindStats',
        board: 'kindBoard',
        'to-fill': 'kindToFill',
        oath: 'kindOath',
      } as const
    )[kind as 'event'] ?? null;

  return (
    <div className="curate-panel-form">
      <p className="curate-hint">
        {curateText('panelKindIs', lang, { kind: kindName ? curateText(kindName, lang) : kind })}
        {' · '}
        <code>{String(panel.id ?? '')}</code>
      </p>
      {kept.length > 0 && <p className="curate-hint">{curateText('keptFields', lang, { fields: kept.join(', ') })}</p>}
      {(at('')?.length ?? 0) > 0 && (
        <div className="curate-form-problems">
          <h4>{curateText('otherProblems', lang)}</h4>
          <FieldProblems lang={lang} id={`${id}-other`} problems={at('')} />
        </div>
      )}
      <LocalizedField
        lang={lang}
        name="fieldTitle"
        value={panel.title}
        problems={at('title')}
        onChange={localized('title', true)}
      />
      <LocalizedField
        lang={lang}
        name="fieldSummary"
        value={panel.summary}
        multiline
        problems={at('summary')}
        onChange={localized('summary', false)}
      />
      {showNote && (
        <LocalizedField
          lang={lang}
          name="fieldNote"
          value={panel.note}
          multiline
          problems={at('note')}
          onChange={localized('note', false)}
        />
      )}
      <fieldset className="curate-fieldset">
        <legend>
          {curateText('fieldBody', lang)}
          {lang === 'zh' && <span lang="en"> Body</span>}
        </legend>
        <FieldProblems lang={lang} id={`${id}-body`} problems={at('body')} />
        {body.map((paragraph, index) => (
          <div key={index} className="curate-paragraph">
            <LocalizedField
              lang={lang}
              name="fieldParagraph"
              values={{ n: index + 1 }}
              value={paragraph}
              multiline
              problems={at(`body.${index}`)}
              onChange={(language, text) =>
                setBody(body.map((entry, at) => (at === index ? withLanguage(entry, language, text) : entry)))
              }
            />
            <button type="button" className="curate-button" onClick={() => setBody(body.filter((_, at) => at !== index))}>
              {curateText('removeParagraph', lang, { n: index + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="curate-button" onClick={() => setBody([...body, ''])}>
          {curateText('addParagraph', lang)}
        </button>
      </fieldset>
      {showDate && (
        <div className="curate-field">
          <label htmlFor={dateId}>
            {curateText('fieldDate', lang)}
            {lang === 'zh' && <span lang="en"> Date</span>}
          </label>
          <input
            id={dateId}
            type="text"
            inputMode="numeric"
            value={typeof panel.date === 'string' ? panel.date : ''}
            aria-describedby={`${dateId}-hint`}
            onChange={(event) => onChange(withField(panel, 'date', event.target.value === '' ? undefined : event.target.value))}
          />
          <p id={`${dateId}-hint`} className="curate-hint">
            {curateText('fieldDateHint', lang)}
          </p>
          <FieldProblems lang={lang} id={`${dateId}-problems`} problems={at('date')} />
        </div>
      )}
      <LocalizedField
        lang={lang}
        name="fieldSource"
        value={panel.source}
        problems={at('source')}
        onChange={localized('source', false)}
      />
      <fieldset className="curate-fieldset">
        <legend>
          {curateText('fieldImages', lang)}
          {lang === 'zh' && <span lang="en"> Images</span>}
        </legend>
        <FieldProblems lang={lang} id={`${id}-images`} problems={at('images')} />
        {images.map((image, index) => (
          <div key={index} className="curate-image" data-src={String(image.src ?? '')}>
            <p className="curate-image__src">
              {curateText('fieldImage', lang, { n: index + 1 })}: <code>{String(image.src ?? '')}</code>
            </p>
            <FieldProblems lang={lang} id={`${id}-image-${index}`} problems={at(`images.${index}`)} />
            <LocalizedField
              lang={lang}
              name="fieldCaption"
              values={{ n: index + 1 }}
              value={image.caption}
              problems={at(`images.${index}.caption`)}
              onChange={setImage(index, 'caption')}
            />
            <LocalizedField
              lang={lang}
              name="fieldAlt"
              values={{ n: index + 1 }}
              value={image.alt}
              problems={at(`images.${index}.alt`)}
              onChange={setImage(index, 'alt')}
            />
            <button type="button" className="curate-button" onClick={() => setImages(images.filter((_, at) => at !== index))}>
              {curateText('removeImage', lang, { n: index + 1 })}
            </button>
          </div>
        ))}
        <label className="curate-upload__label" htmlFor={`${id}-upload`}>
          {curateText('uploadPhoto', lang)}
        </label>
        <input
          id={`${id}-upload`}
          className="curate-upload__input"
          type="file"
          accept="image/*"
          disabled={upload?.state === 'busy'}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void uploadFile(file);
          }}
        />
        {upload?.state === 'failed' ? (
          <p className="curate-error" role="alert">
            {curateText('uploadFailed', lang, { reason: upload.reason ?? '' })}
          </p>
        ) : (
          <p className="curate-status" role="status">
            {upload?.state === 'busy'
              ? curateText('uploading', lang)
              : upload?.state === 'done'
                ? curateText('uploaded', lang)
                : ''}
          </p>
        )}
      </fieldset>
    </div>
  );
}

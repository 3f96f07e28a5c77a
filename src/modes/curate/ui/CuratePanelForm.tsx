/**
 * The fields of one panel (展板编辑): 标题, 摘要, 正文 (paragraphs added and removed), 日期 (at its
 * precision), 待补充说明 (a to-fill board), 资料来源, and the images with their caption and alt text
 * (上传照片 sends the file itself to the station), drawn here; every other field of the panel's kind
 * (a milestone's period, a member board's people, a stats board's figures, an oath's phrases and
 * recording, any panel's narration and related panels, an image's placeholder…) comes from the
 * kind's schema (SchemaFields). The form edits a copy of the panel's JSON and changes only the
 * field typed in; keys no schema names are kept as they came, and named.
 */
import { useId, useMemo, useState } from 'react';
import { eventPanel, imageSchema, panelSchema } from '../../../content/schema.ts';
import { type CurateStringKey, curateErrorText, curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { DraftProblem } from '../../../live/curateDraftProtocol.ts';
import type { CurateApi, CurateError } from '../curateClient.ts';
import { type PanelJson, placeProblems, withLanguage } from '../draftModel.ts';
import { describeField, describeSchema, fieldOf, type ObjectShape } from '../schemaForm/describeSchema.ts';
import { PartialDateField } from '../schemaForm/PartialDateField.tsx';
import { SchemaFields } from '../schemaForm/SchemaFields.tsx';
import { SchemaObjectFields } from '../schemaForm/SchemaObjectFields.tsx';
import type { SchemaFieldRefs } from '../schemaForm/schemaFormTypes.ts';
import { objectFieldKeys } from '../schemaForm/schemaValues.ts';
import { CuratePhotoThumbnail } from './CuratePhotoThumbnail.tsx';
import { FieldProblems, LocalizedField } from './LocalizedField.tsx';

/** The fields this form draws itself; the kind's schema draws the rest. */
const HAND_WRITTEN = ['id', 'kind', 'title', 'summary', 'body', 'date', 'note', 'source', 'images'];
const HAND_WRITTEN_SET = new Set(HAND_WRITTEN);
/** An image's fields drawn here; the image schema draws the rest (placeholder, and whatever it gains). */
const IMAGE_HAND_WRITTEN = ['src', 'caption', 'alt'];
const IMAGE_SHAPE = describeSchema(imageSchema) as ObjectShape;
/** A panel of a kind no schema knows still has its date edited as one. */
const ANY_DATE = describeField('date', eventPanel.shape.date);

export interface CuratePanelFormProps {
  lang: Lang;
  api: Pick<CurateApi, 'uploadPhoto'>;
  panel: PanelJson;
  problems: ReadonlyArray<DraftProblem & { key: string }>;
  /** Choices for the fields naming another panel, a period or a quiz (from the draft). */
  refs?: SchemaFieldRefs | undefined;
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

const NO_REFS: SchemaFieldRefs = {};

export function CuratePanelForm({ lang, api, panel, problems, refs = NO_REFS, onChange }: CuratePanelFormProps) {
  const id = useId();
  const [upload, setUpload] = useState<{ state: 'busy' | 'done' | 'failed'; reason?: string } | null>(null);
  const kind = typeof panel.kind === 'string' ? panel.kind : '';
  const body = Array.isArray(panel.body) ? panel.body : [];
  const images: Image[] = Array.isArray(panel.images)
    ? panel.images.map((image) => (typeof image === 'object' && image !== null ? (image as Image) : {}))
    : [];
  const kindSchema = useMemo(() => panelSchema.options.find((option) => option.shape.kind.value === kind) ?? null, [kind]);
  const kindShape = kindSchema ? describeSchema(kindSchema) : null;
  const dateField = (kindShape && fieldOf(kindShape, 'date')) ?? ANY_DATE;
  const showDate = kindShape !== null || 'date' in panel;
  const showNote = kind === 'to-fill' || 'note' in panel;
  // The fields the kind's schema draws (and the keys it does not know, named there).
  const schemaKeys = kindShape
    ? [...new Set([...kindShape.fields.map((field) => field.key), ...Object.keys(panel)])].filter(
        (key) => !HAND_WRITTEN_SET.has(key),
      )
    : [];

  const keys = [
    ...HAND_WRITTEN,
    ...body.map((_, index) => `body.${index}`),
    ...images.flatMap((image, index) => [
      `images.${index}`,
      `images.${index}.caption`,
      `images.${index}.alt`,
      ...objectFieldKeys(IMAGE_SHAPE, image, `images.${index}`, IMAGE_HAND_WRITTEN),
    ]),
    ...schemaKeys,
  ];
  const placed = placeProblems(problems, keys);
  const at = (key: string) => placed.get(key);
  const schemaProblems = problems.filter((problem) => schemaKeys.includes(problem.key.split('.')[0] ?? ''));

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

  // Without a schema for its kind, the panel's other fields are kept as they are, and named.
  const kept = kindShape ? [] : Object.keys(panel).filter((field) => !HAND_WRITTEN_SET.has(field));
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
        <PartialDateField
          lang={lang}
          shape={{ type: 'date' }}
          name={{ zh: curateText('fieldDate', 'zh'), en: curateText('fieldDate', 'en') }}
          prefix={null}
          hint={dateField.hint}
          optional={dateField.optional}
          value={panel.date}
          path="date"
          placed={placed}
          refs={refs}
          onChange={(date) => onChange(withField(panel, 'date', date))}
        />
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
            <CuratePhotoThumbnail
              lang={lang}
              src={typeof image.src === 'string' ? image.src : ''}
              n={index + 1}
              crop={image.crop}
              onCrop={(crop) =>
                setImages(
                  images.map((old, at) => {
                    if (at !== index) return old;
                    const { crop: _old, ...rest } = old;
                    return crop ? { ...rest, crop } : rest;
                  }),
                )
              }
            />
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
            <SchemaObjectFields
              lang={lang}
              shape={IMAGE_SHAPE}
              value={image}
              path={`images.${index}`}
              prefix={{
                zh: curateText('fieldImage', 'zh', { n: index + 1 }),
                en: curateText('fieldImage', 'en', { n: index + 1 }),
              }}
              omit={IMAGE_HAND_WRITTEN}
              placed={placed}
              refs={refs}
              onChange={(next) => setImages(images.map((old, at) => (at === index ? next : old)))}
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
      {kindSchema && (
        <SchemaFields
          lang={lang}
          schema={kindSchema}
          value={panel}
          problems={schemaProblems}
          omit={HAND_WRITTEN}
          refs={refs}
          onChange={onChange}
        />
      )}
    </div>
  );
}

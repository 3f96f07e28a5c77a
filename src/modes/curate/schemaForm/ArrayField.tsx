/**
 * A list of the schema (people, figures, points, phrases, stops, related panels, cues): a group
 * under the list's name with its entries in order, each named with its number ("人物 2") and
 * each with 上移 / 下移 / 删除 named after it, and 添加… for a new one. The focus follows an entry
 * moved by the keyboard. An optional list emptied is left out; a required one stays (empty, for
 * the content check to say it needs an entry).
 */
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import { FieldProblems } from '../ui/LocalizedField.tsx';
import type { ArrayShape } from './describeSchema.ts';
import { FieldHint } from './FieldHint.tsx';
import { FieldName } from './FieldName.tsx';
import { describedBy, entryName, type FieldWidgetProps, fullName, useNestedField } from './fieldProps.ts';
import { KeptValue } from './KeptValue.tsx';
import { initialValue, moveItem, storedValue } from './schemaValues.ts';

type Action = 'up' | 'down' | 'remove' | 'add';

export function ArrayField({
  lang,
  shape,
  name,
  prefix,
  hint,
  optional,
  value,
  path,
  placed,
  refs,
  onChange,
}: FieldWidgetProps<ArrayShape>) {
  const Field = useNestedField();
  const id = useId();
  const group = useRef<HTMLFieldSetElement>(null);
  const [focus, setFocus] = useState<{ index: number; action: Action } | null>(null);
  const label = fullName(prefix, name);
  const problems = placed.get(path);

  // After a move the entry's button is drawn at its new place: the focus goes there with it.
  useLayoutEffect(() => {
    if (!focus || !group.current) return;
    // This list's own buttons, not those of a list inside its entries (a person's honours).
    const find = (action: Action, index = focus.index) =>
      group.current?.querySelector<HTMLButtonElement>(
        action === 'add'
          ? ':scope > [data-entry-action="add"]'
          : `:scope > .curate-list__entry > .curate-list__actions > [data-entry-action="${action}"][data-entry-index="${index}"]`,
      );
    const same = find(focus.action);
    const other = find(focus.action === 'up' ? 'down' : 'up');
    (same && !same.disabled ? same : other && !other.disabled ? other : find('add'))?.focus();
    setFocus(null);
  }, [focus]);

  if (value !== undefined && !Array.isArray(value))
    return <KeptValue lang={lang} label={label} value={value} problems={problems} />;
  const entries: unknown[] = value ?? [];
  const set = (next: unknown[]) => onChange(storedValue(next, optional));
  const item = shape.item;
  const nested = item.shape.type === 'object';

  return (
    <fieldset
      ref={group}
      className="curate-fieldset curate-list"
      aria-describedby={describedBy(hint && `${id}-hint`, problems?.length && `${id}-problems`)}
    >
      <legend>
        <FieldName lang={lang} label={label} name={name} />
      </legend>
      <FieldHint lang={lang} id={`${id}-hint`} hint={hint ?? item.hint} />
      <FieldProblems lang={lang} id={`${id}-problems`} problems={problems} />
      {entries.map((entry, index) => {
        const own = entryName(item.label, index + 1);
        const entryLabel = fullName(prefix, own);
        const entryPath = `${path}.${index}`;
        const button = (action: Exclude<Action, 'add'>) => {
          const words = { up: 'moveUp', down: 'moveDown', remove: 'schemaRemove' } as const;
          const named = { up: 'moveUpOf', down: 'moveDownOf', remove: 'schemaRemoveOf' } as const;
          const disabled = (action === 'up' && index === 0) || (action === 'down' && index === entries.length - 1);
          return (
            <button
              type="button"
              className="curate-button curate-button--small"
              data-entry-action={action}
              data-entry-index={index}
              aria-label={curateText(named[action], lang, { title: entryLabel[lang], item: entryLabel[lang] })}
              disabled={disabled}
              onClick={() => {
                if (action === 'remove') {
                  set(entries.filter((_, at) => at !== index));
                  setFocus({ index: -1, action: 'add' });
                } else {
                  const to = action === 'up' ? index - 1 : index + 1;
                  set(moveItem(entries, index, to));
                  setFocus({ index: to, action });
                }
              }}
            >
              {curateText(words[action], lang)}
            </button>
          );
        };
        return (
          <div key={index} className={nested ? 'curate-list__entry curate-list__entry--group' : 'curate-list__entry'}>
            <Field
              lang={lang}
              shape={item.shape}
              name={own}
              prefix={prefix}
              hint={null}
              optional={false}
              value={entry}
              path={entryPath}
              placed={placed}
              refs={refs}
              onChange={(next) => set(entries.map((old, at) => (at === index ? next : old)))}
            />
            <div className="curate-list__actions">
              {button('up')}
              {button('down')}
              {button('remove')}
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="curate-button"
        data-entry-action="add"
        onClick={() => {
          // A list holds no hole: a number still to write starts as empty text.
          const fresh = initialValue(item.shape);
          set([...entries, fresh === undefined ? '' : fresh]);
        }}
      >
        {curateText('schemaAdd', lang, { item: item.label[lang] })}
      </button>
    </fieldset>
  );
}

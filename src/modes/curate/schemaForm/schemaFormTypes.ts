/**
 * The words the schema form's modules share (src/modes/curate/schemaForm/): a name or hint in
 * both languages, and the documents an id field can name, with the choices the caller offers.
 */

/** A text in both languages (a field's name, its hint). */
export interface LabelPair {
  zh: string;
  en: string;
}

/**
 * The documents an id field can name: the keys of {@link SchemaFieldRefs}. `options` are not a
 * document's but the options beside the field, in the same question (its answer names them).
 */
export type RefTarget = 'panels' | 'periods' | 'quizzes' | 'options';

/** The choices for id references, each an id and its title in the page's language. */
export interface SchemaFieldRefs {
  panels?: ReadonlyArray<{ id: string; title: string }>;
  periods?: ReadonlyArray<{ id: string; title: string }>;
  quizzes?: ReadonlyArray<{ id: string; title: string }>;
  /** The options of the question being drawn, titled by their text: set by the form itself (withSiblingChoices). */
  options?: ReadonlyArray<{ id: string; title: string }>;
}

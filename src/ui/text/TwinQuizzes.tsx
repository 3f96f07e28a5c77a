import { localize } from '../../content/localize.ts';
import { quizText } from '../../i18n/quizStrings.ts';
import { quizHref } from '../../routing/routes.ts';
import { useExhibition } from '../../store/store.ts';

/**
 * 知识问答 in the twin: every quiz as a link to `#/quiz/<id>`. Each quiz is itself a plain form (one
 * question at a time, radios and checkboxes, the verdict announced), so the twin's reader takes it
 * as it is, over the twin, and comes back here when it closes.
 */
export function TwinQuizzes() {
  const lang = useExhibition((state) => state.lang);
  const status = useExhibition((state) => state.quizStatus);
  const quizzes = useExhibition((state) => state.quizzes);
  if (status === 'ready' && quizzes.length === 0) return null;
  return (
    <section className="text-twin__section text-twin__quizzes" aria-labelledby="text-twin-quizzes-title">
      <h2 id="text-twin-quizzes-title">{quizText('quiz', lang)}</h2>
      <p>{quizText('quizTextTwinHint', lang)}</p>
      {status === 'ready' ? (
        <ul>
          {quizzes.map((quiz) => (
            <li key={quiz.id}>
              <a href={quizHref(quiz.id)}>{localize(quiz.title, lang)}</a>{' '}
              <small>{quizText('quizQuestionCount', lang, { n: quiz.questions.length })}</small>
            </li>
          ))}
        </ul>
      ) : (
        <p role="status">{status === 'failed' ? quizText('quizLoadFailed', lang) : quizText('quizLoading', lang)}</p>
      )}
    </section>
  );
}

/** The result card as the page shows it and prints it: the same words as the saved image. */
import type { ResultCardText } from './resultCard.ts';

export interface QuizResultCardProps {
  card: ResultCardText;
  /** The score's id on screen, for the result to be described by it (the printed copy has none). */
  scoreId?: string;
}

export function QuizResultCard({ card, scoreId }: QuizResultCardProps) {
  return (
    <div className="quiz-card">
      <p className="quiz-card__exhibition">{card.exhibition}</p>
      <p className="quiz-card__host">{card.host}</p>
      <p className="quiz-card__title">{card.quizTitle}</p>
      <p className="quiz-card__label">{card.label}</p>
      <p id={scoreId} className="quiz-card__score" data-testid={scoreId ? 'quiz-score' : undefined}>
        {card.score}
      </p>
      <p className="quiz-card__sentence">{card.scoreSentence}</p>
      {card.name && <p className="quiz-card__name">{card.name}</p>}
      <p className="quiz-card__date">{card.date}</p>
    </div>
  );
}

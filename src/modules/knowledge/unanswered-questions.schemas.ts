import { Type } from 'typebox';
import { DateTime, Uuid } from '../../http/common-schemas.ts';

export const UnansweredQuestion = Type.Object({
  id: Uuid,
  question: Type.String({ description: 'The first phrasing of the group' }),
  examples: Type.Array(Type.String(), { description: 'Up to five phrasings callers used, newest first' }),
  askCount: Type.Integer(),
  firstAskedAt: DateTime,
  lastAskedAt: DateTime,
});

export const RecordedQuestion = Type.Object({ ...UnansweredQuestion.properties, newGroup: Type.Boolean() });

export const QuestionParams = Type.Object({ companyId: Uuid, questionId: Uuid });

export const RecordQuestionBody = Type.Object(
  { question: Type.String({ minLength: 1, maxLength: 500, description: 'What the caller asked, as recognised' }) },
  { additionalProperties: false },
);

export const AnswerQuestionBody = Type.Object(
  {
    answer: Type.String({ minLength: 1, maxLength: 2000 }),
    question: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: "The entry's question; default the group's first phrasing" })),
  },
  { additionalProperties: false },
);

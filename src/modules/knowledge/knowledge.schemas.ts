import { Type } from 'typebox';
import { DateTime, PageQuery, Uuid } from '../../http/common-schemas.ts';

const Question = Type.String({ minLength: 1, maxLength: 500 });
const Answer = Type.String({ minLength: 1, maxLength: 2000, description: 'What the agent says; keep it short enough to read out on a call' });
const Alternatives = Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 20, description: 'Other ways callers ask the same question' });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 });

/** One entry as written: the create body, a row of an import and of a JSON export. */
export const KnowledgeEntryInput = Type.Object(
  {
    question: Question,
    answer: Answer,
    alternatives: Type.Optional(Alternatives),
    tags: Type.Optional(Tags),
    enabled: Type.Optional(Type.Boolean({ description: 'Default true; a disabled entry is never answered' })),
  },
  { additionalProperties: false },
);

export const UpdateKnowledgeEntryBody = Type.Object(
  {
    question: Type.Optional(Question),
    answer: Type.Optional(Answer),
    alternatives: Type.Optional(Alternatives),
    tags: Type.Optional(Tags),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const KnowledgeEntry = Type.Object({
  id: Uuid,
  question: Type.String(),
  answer: Type.String(),
  alternatives: Type.Array(Type.String()),
  tags: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const EntryParams = Type.Object({ companyId: Uuid, entryId: Uuid });

export const ListEntriesQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Text in the question or an alternative phrasing (any case)' })),
  tag: Type.Optional(Type.String({ maxLength: 40 })),
  enabled: Type.Optional(Type.Boolean()),
});

const ImportMode = Type.Union([Type.Literal('append'), Type.Literal('replace')], {
  default: 'append',
  description: "'append' adds the entries; 'replace' deletes the company's entries first. Either way all or nothing.",
});
export const ImportQuery = Type.Object({ mode: Type.Optional(ImportMode) });

export const MAX_IMPORT_ROWS = 5000;

const ImportJson = Type.Object(
  {
    entries: Type.Array(Type.Unknown({ description: 'A knowledge entry: question, answer, alternatives, tags, enabled' }), {
      minItems: 1,
      maxItems: MAX_IMPORT_ROWS,
      description: 'Checked row by row; every invalid row is reported (details.rows) and nothing is written',
    }),
  },
  { additionalProperties: false, examples: [{ entries: [{ question: 'Do you give free estimates?', answer: 'Yes, estimates are free.' }] }] },
);

/** JSON ({ entries }) or, with content-type text/csv, CSV with a header row. */
export const ImportBody = Type.Union([
  ImportJson,
  Type.String({ description: 'text/csv: columns question, answer, alternatives, tags, enabled; alternatives and tags separated by |' }),
]);

export const ImportResult = Type.Object({
  mode: Type.Union([Type.Literal('append'), Type.Literal('replace')]),
  created: Type.Integer(),
  deleted: Type.Integer(),
});

export const ExportQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' })),
});

export const ExportJson = Type.Object({ entries: Type.Array(KnowledgeEntryInput) });

export const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 500, description: 'What the caller said' }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
});

export const SearchHit = Type.Object({
  source: Type.Union([Type.Literal('company'), Type.Literal('trade')]),
  id: Uuid,
  tradeCategoryId: Type.Union([Uuid, Type.Null()]),
  question: Type.String(),
  answer: Type.String(),
  score: Type.Number({ description: '0 to 1' }),
});

export const SearchResult = Type.Object({
  query: Type.String({ description: 'The question as normalised for matching' }),
  answerable: Type.Boolean({ description: 'Whether the best answer scores at least the threshold, i.e. is good enough to say' }),
  threshold: Type.Number(),
  results: Type.Array(SearchHit),
});

export const InheritedEntry = Type.Object({
  id: Uuid,
  tradeCategory: Type.Object({ id: Uuid, slug: Type.String(), name: Type.String() }),
  question: Type.String(),
  alternatives: Type.Array(Type.String()),
  tags: Type.Array(Type.String()),
  tradeAnswer: Type.String(),
  answer: Type.String({ description: "The answer the agent gives: the company's own when overridden" }),
  enabled: Type.Boolean({ description: 'Whether the agent uses it for this company' }),
  override: Type.Union([Type.Object({ answer: Type.Union([Type.String(), Type.Null()]), enabled: Type.Boolean(), updatedAt: DateTime }), Type.Null()]),
});

export const InheritedParams = Type.Object({ companyId: Uuid, tradeEntryId: Uuid });

export const OverrideBody = Type.Object(
  {
    enabled: Type.Boolean(),
    answer: Type.Optional(Type.Union([Answer, Type.Null()], { description: "The company's own answer; null or absent keeps the trade's" })),
  },
  { additionalProperties: false },
);

export const KnowledgeConflicts = Type.Object({
  items: Type.Array(Type.Object({
    entryId: Uuid,
    question: Type.String(),
    conflicts: Type.Array(Type.Object({
      topic: Type.Union([Type.Literal('hours'), Type.Literal('area'), Type.Literal('price'), Type.Literal('windows')], { description: 'hours: booking settings weekly hours; area: service area; price: service prices or the on-call surcharge; windows: arrival windows' }),
      says: Type.String({ description: 'What the entry states' }),
      configured: Type.String({ description: 'What the booking configuration says instead' }),
    })),
  })),
});

-- Knowledge: what the agent may say. Trade knowledge is platform reference data every company
-- of the trade inherits; a company's own entries, its overrides of inherited entries and the
-- questions its agent could not answer are tenant data.
--
-- search_text is maintained by the application: the question and its alternative phrasings in
-- plain lower-case words. The full-text vector is generated from it (not from the answer: an
-- entry is found by how callers ask, and the answer only adds evidence when scoring).

CREATE TABLE platform.trade_knowledge_entries (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  trade_category_id  uuid NOT NULL REFERENCES platform.trade_categories (id) ON DELETE CASCADE,
  seed_key           text,
  question           text NOT NULL CHECK (length(question) BETWEEN 1 AND 500),
  answer             text NOT NULL CHECK (length(answer) BETWEEN 1 AND 2000),
  alternatives       text[] NOT NULL DEFAULT '{}',
  tags               text[] NOT NULL DEFAULT '{}',
  enabled            boolean NOT NULL DEFAULT true,
  search_text        text NOT NULL,
  search_tsv         tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, search_text)) STORED,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (trade_category_id, seed_key)
);
CREATE INDEX trade_knowledge_entries_category_idx ON platform.trade_knowledge_entries (trade_category_id, created_at);
-- fastupdate off: PGlite runs no autovacuum, so a GIN pending list would only grow and every
-- search would read it through; entries are written rarely and searched on every call.
CREATE INDEX trade_knowledge_entries_tsv_idx ON platform.trade_knowledge_entries USING gin (search_tsv) WITH (fastupdate = off);

-- Words and phrases callers use for one thing ("water heater" ~ "hot water tank"); terms[1] is canonical.
CREATE TABLE platform.trade_vocabulary (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  trade_category_id  uuid NOT NULL REFERENCES platform.trade_categories (id) ON DELETE CASCADE,
  seed_key           text,
  terms              text[] NOT NULL CHECK (cardinality(terms) BETWEEN 2 AND 30),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (trade_category_id, seed_key)
);
CREATE INDEX trade_vocabulary_category_idx ON platform.trade_vocabulary (trade_category_id, created_at);

-- What a caller says that means danger, and the safety instruction the agent reads out first.
CREATE TABLE platform.trade_emergencies (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  trade_category_id   uuid NOT NULL REFERENCES platform.trade_categories (id) ON DELETE CASCADE,
  seed_key            text,
  name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  severity            text NOT NULL CHECK (severity IN ('life_safety', 'urgent')),
  triggers            text[] NOT NULL CHECK (cardinality(triggers) BETWEEN 1 AND 50),
  safety_instruction  text NOT NULL CHECK (length(safety_instruction) BETWEEN 1 AND 2000),
  default_action      text NOT NULL CHECK (default_action IN ('transfer_on_call', 'book_urgent', 'take_message')),
  enabled             boolean NOT NULL DEFAULT true,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (trade_category_id, seed_key)
);
CREATE INDEX trade_emergencies_category_idx ON platform.trade_emergencies (trade_category_id, created_at);

-- Which starter items have been applied, so an admin's deletions survive the next start.
CREATE TABLE platform.trade_knowledge_seeds (
  trade_category_id  uuid NOT NULL REFERENCES platform.trade_categories (id) ON DELETE CASCADE,
  kind               text NOT NULL CHECK (kind IN ('entry', 'vocabulary', 'emergency')),
  seed_key           text NOT NULL,
  applied_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (trade_category_id, kind, seed_key)
);

CREATE TABLE knowledge_entries (
  company_id    uuid NOT NULL REFERENCES platform.companies (id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  question      text NOT NULL CHECK (length(question) BETWEEN 1 AND 500),
  answer        text NOT NULL CHECK (length(answer) BETWEEN 1 AND 2000),
  alternatives  text[] NOT NULL DEFAULT '{}',
  tags          text[] NOT NULL DEFAULT '{}',
  enabled       boolean NOT NULL DEFAULT true,
  search_text   text NOT NULL,
  search_tsv    tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, search_text)) STORED,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id)
);
CREATE INDEX knowledge_entries_recent_idx ON knowledge_entries (company_id, created_at DESC, id);
CREATE INDEX knowledge_entries_tsv_idx ON knowledge_entries USING gin (search_tsv) WITH (fastupdate = off);

-- A company's change to one inherited trade entry: its own answer, or switched off.
CREATE TABLE knowledge_overrides (
  company_id      uuid NOT NULL REFERENCES platform.companies (id),
  trade_entry_id  uuid NOT NULL REFERENCES platform.trade_knowledge_entries (id) ON DELETE CASCADE,
  answer          text CHECK (length(answer) BETWEEN 1 AND 2000),
  enabled         boolean NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, trade_entry_id)
);
CREATE INDEX knowledge_overrides_entry_idx ON knowledge_overrides (trade_entry_id);

-- Questions the agent could not answer, grouped by pg_trgm similarity of their normalised
-- wording (group_key): one row per group, with a count, when it was first and last asked and a
-- few of the phrasings callers used. A company has few groups; they are compared one by one.
CREATE TABLE unanswered_questions (
  company_id      uuid NOT NULL REFERENCES platform.companies (id),
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  group_key       text NOT NULL,
  question        text NOT NULL CHECK (length(question) BETWEEN 1 AND 500),
  examples        text[] NOT NULL DEFAULT '{}',
  ask_count       integer NOT NULL DEFAULT 1 CHECK (ask_count > 0),
  first_asked_at  timestamptz NOT NULL DEFAULT now(),
  last_asked_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id)
);
CREATE INDEX unanswered_questions_top_idx ON unanswered_questions (company_id, ask_count DESC, last_asked_at DESC);

CALL platform.isolate_tenant_tables(ARRAY['knowledge_entries', 'knowledge_overrides', 'unanswered_questions']);

-- Trade knowledge is reference data like the trade categories: the restricted role reads it
-- (a company's searches join it with the company's own categories) and never writes it.
GRANT SELECT ON platform.trade_knowledge_entries, platform.trade_vocabulary, platform.trade_emergencies TO clientsvia_app;

-- Row-level security lets the planner use an index for a condition only when the operator's
-- function is LEAKPROOF (it could otherwise leak other companies' rows through errors). The
-- full-text match ts_match_vq reveals nothing but its boolean result, yet is not marked so;
-- without this every search reads every entry of the company. Its cost is also raised from the
-- cost of a plain comparison to what matching a query against a document takes, so the planner
-- sees the index pay off on a large knowledge base. Only a superuser may change either; a
-- migrating role that is not one leaves searches correct, just slower on large knowledge bases.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF COST 100;
  ELSE
    RAISE NOTICE 'not a superuser: full-text search of knowledge entries will not use its index under row-level security';
  END IF;
END
$$;

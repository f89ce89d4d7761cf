-- Synthesised speech, cached per company. A tenant table (rules of 002_tenant_core.sql): the
-- text spoken can hold a caller's name, so its audio is company data.
-- `key` is the sha256 (hex) of the company, text, voice, model and voice settings: the same
-- sentence in the same voice is synthesised once and then served from here by any app process.
CREATE TABLE speech_cache (
  company_id    uuid NOT NULL REFERENCES platform.companies (id),
  key           text NOT NULL CHECK (key ~ '^[0-9a-f]{64}$'),
  content_type  text NOT NULL CHECK (content_type LIKE 'audio/%'),
  audio         bytea NOT NULL,
  bytes         integer NOT NULL CHECK (bytes > 0 AND bytes = octet_length(audio)),
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, key)
);
-- Pruning walks the least recently used clips.
CREATE INDEX speech_cache_last_used_idx ON speech_cache (company_id, last_used_at);

CALL platform.isolate_tenant_tables(ARRAY['speech_cache']);

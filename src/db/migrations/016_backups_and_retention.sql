-- Backups that were written and verified: the last one's time is the metric
-- clientsvia_last_backup_success_seconds and a warning in /ready. Platform data: it names files,
-- not companies.
CREATE TABLE platform.backups (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file        text NOT NULL CHECK (length(file) BETWEEN 1 AND 300),
  format      text NOT NULL CHECK (format IN ('pglite-tar-gz', 'pg-dump-custom')),
  bytes       bigint NOT NULL CHECK (bytes > 0),
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  tables      integer NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX backups_created_idx ON platform.backups (created_at DESC);

-- How long a company's transcripts, audio clips and messages are kept (the daily purge).
ALTER TABLE platform.companies
  ADD COLUMN personal_data_retention_days integer NOT NULL DEFAULT 730
  CHECK (personal_data_retention_days BETWEEN 1 AND 36500);

-- The public website widget is its own channel ('widget'), apart from the signed-in owner's
-- "test your agent" chat ('web'): only 'widget' conversations are anonymous.
ALTER TABLE calls DROP CONSTRAINT calls_channel_check;
ALTER TABLE calls ADD CONSTRAINT calls_channel_check CHECK (channel IN ('phone', 'web', 'widget'));

-- What anonymous visitors used per company-local day: conversations started, booking requests
-- per company and per phone number. A tenant table (rules of 002_tenant_core.sql). Counted by
-- one conditional upsert, so processes serving the same company never exceed a cap together.
CREATE TABLE anonymous_usage (
  company_id  uuid NOT NULL REFERENCES platform.companies (id),
  day         date NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('conversation', 'booking', 'booking_phone')),
  subject     text NOT NULL DEFAULT '',
  used        integer NOT NULL CHECK (used > 0),
  PRIMARY KEY (company_id, day, kind, subject)
);

CALL platform.isolate_tenant_tables(ARRAY['anonymous_usage']);

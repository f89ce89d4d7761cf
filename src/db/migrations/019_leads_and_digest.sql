-- Unbooked leads marked "followed up", the owners' daily-digest preferences and the digests
-- sent. Tenant tables under the rules of 002_tenant_core.sql.

-- A lead (see src/modules/calls/lead-predicate.ts) someone called back. One row per call:
-- marking it again keeps who did it first; undoing deletes the row (the audit log keeps both).
CREATE TABLE lead_follow_ups (
  company_id       uuid NOT NULL REFERENCES platform.companies (id),
  call_id          uuid NOT NULL,
  -- The user (or API token) who marked it, as the audit log names actors.
  actor_type       text NOT NULL CHECK (actor_type IN ('user', 'api_token', 'system')),
  actor_id         uuid,
  actor_label      text NOT NULL,
  followed_up_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, call_id),
  FOREIGN KEY (company_id, call_id) REFERENCES calls (company_id, id) ON DELETE CASCADE
);

-- Which owners get the daily digest, and how. user_id names a platform user of this company;
-- a user who is removed, disabled or no longer an owner gets nothing (the sender checks).
CREATE TABLE digest_subscriptions (
  company_id   uuid NOT NULL REFERENCES platform.companies (id),
  user_id      uuid NOT NULL,
  by_email     boolean NOT NULL DEFAULT false,
  by_sms       boolean NOT NULL DEFAULT false,
  -- E.164; required when by_sms.
  sms_number   text CHECK (sms_number ~ '^\+[1-9][0-9]{6,14}$'),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, user_id),
  CHECK (NOT by_sms OR sms_number IS NOT NULL)
);

-- One digest per company per company-local day: the row is claimed (inserted) before anything
-- is sent, so however many processes or retries race, one wins the day.
CREATE TABLE digests (
  company_id   uuid NOT NULL REFERENCES platform.companies (id),
  local_day    date NOT NULL,
  claimed_at   timestamptz NOT NULL DEFAULT now(),
  sent_at      timestamptz,
  PRIMARY KEY (company_id, local_day)
);

-- Each message of a digest: claimed as 'sending' before the provider is called, then 'sent' or
-- 'failed'. A retry sends only the failed (or never claimed) ones, so nobody gets a digest twice;
-- one left 'sending' by a process that died is not sent again (at most once).
CREATE TABLE digest_deliveries (
  company_id   uuid NOT NULL REFERENCES platform.companies (id),
  local_day    date NOT NULL,
  user_id      uuid NOT NULL,
  channel      text NOT NULL CHECK (channel IN ('email', 'sms')),
  status       text NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
  attempts     integer NOT NULL DEFAULT 1 CHECK (attempts >= 1),
  error        text,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, local_day, user_id, channel),
  FOREIGN KEY (company_id, local_day) REFERENCES digests (company_id, local_day) ON DELETE CASCADE
);

CALL platform.isolate_tenant_tables(ARRAY['lead_follow_ups', 'digest_subscriptions', 'digests', 'digest_deliveries']);

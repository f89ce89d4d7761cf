-- A company's Twilio account SID joins its secrets: with its auth token it proves, through
-- Twilio's REST API, that a phone number is in the company's own Twilio account before the
-- company may claim it (src/modules/phone-numbers/number-proof.ts).
ALTER TABLE company_secrets DROP CONSTRAINT company_secrets_name_check;
ALTER TABLE company_secrets ADD CONSTRAINT company_secrets_name_check
  CHECK (name IN ('elevenlabs_api_key', 'twilio_auth_token', 'llm_api_key', 'twilio_account_sid'));

-- Spoken clips. A clip is `fixed` once pre-synthesis prepared it: a set phrase of the company's
-- agent (greeting, stock phrases), whose URL may be cached. Any other clip may carry a caller's
-- details, and its URL expires within minutes. Clips stored before this are not fixed.
ALTER TABLE speech_cache ADD COLUMN fixed boolean NOT NULL DEFAULT false;

-- The generation every audio URL of the company is signed with (no row: generation 1).
-- Raising it revokes every URL handed out so far, without touching SESSION_SECRET.
CREATE TABLE speech_url_keys (
  company_id  uuid NOT NULL REFERENCES platform.companies (id),
  generation  integer NOT NULL CHECK (generation >= 1),
  PRIMARY KEY (company_id)
);

CALL platform.isolate_tenant_tables(ARRAY['speech_url_keys']);

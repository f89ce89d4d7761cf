-- A company's Twilio account SID joins its secrets: with its auth token it proves, through
-- Twilio's REST API, that a phone number is in the company's own Twilio account before the
-- company may claim it (src/modules/phone-numbers/number-proof.ts).
ALTER TABLE company_secrets DROP CONSTRAINT company_secrets_name_check;
ALTER TABLE company_secrets ADD CONSTRAINT company_secrets_name_check
  CHECK (name IN ('elevenlabs_api_key', 'twilio_auth_token', 'llm_api_key', 'twilio_account_sid'));

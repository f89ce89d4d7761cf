-- API tokens carry a scope chosen at creation: 'read' may only use safe methods (GET, HEAD),
-- 'full' may do whatever the company's staff may. Tokens made before scopes existed keep
-- working as they did: full.
ALTER TABLE platform.api_tokens ADD COLUMN scope text NOT NULL DEFAULT 'full' CHECK (scope IN ('read', 'full'));
ALTER TABLE platform.api_tokens ALTER COLUMN scope DROP DEFAULT;

-- Attempts that could be used to guess, counted per key with doubling waits. Sign-in (and
-- password change) is keyed by the (account, client address) pair, not the account: a
-- stranger's wrong guesses no longer lock the real user out, and an email nobody has is
-- counted exactly like one that exists. An owner's refused user creations (the email is in
-- use) are keyed by company. `key` is an HMAC (no email or address stored). Counted by one
-- upsert per attempt, before the check, so parallel attempts cannot all pass.
CREATE TABLE platform.attempt_throttle (
  key            text PRIMARY KEY,
  failures       integer NOT NULL CHECK (failures >= 0),
  blocked_until  timestamptz,
  updated_at     timestamptz NOT NULL
);
CREATE INDEX attempt_throttle_updated_idx ON platform.attempt_throttle (updated_at);

ALTER TABLE platform.users DROP COLUMN failed_logins;
ALTER TABLE platform.users DROP COLUMN locked_until;

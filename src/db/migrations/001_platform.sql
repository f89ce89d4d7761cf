-- Platform-level tables live in their own schema, reached only by admin routes, login and
-- the incoming-call number lookup. Everything in `public` is tenant data (see 002).
CREATE SCHEMA IF NOT EXISTS platform;
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The restricted runtime role for all company data: not superuser, not BYPASSRLS, owns nothing.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clientsvia_app') THEN
    CREATE ROLE clientsvia_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;
-- The connecting role must be a member to `SET LOCAL ROLE clientsvia_app`.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'clientsvia_app', 'MEMBER') THEN
    EXECUTE format('GRANT clientsvia_app TO %I', current_user);
  END IF;
END
$$;

REVOKE ALL ON SCHEMA platform FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO clientsvia_app;

CREATE TABLE platform.companies (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  time_zone   text NOT NULL,
  status      text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE platform.trade_categories (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug        text NOT NULL UNIQUE,
  name        text NOT NULL UNIQUE,
  description text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE platform.users (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email          text NOT NULL UNIQUE CHECK (email = lower(email)),
  name           text NOT NULL DEFAULT '',
  password_hash  text NOT NULL,
  role           text NOT NULL CHECK (role IN ('admin', 'owner', 'staff')),
  company_id     uuid REFERENCES platform.companies (id),
  disabled       boolean NOT NULL DEFAULT false,
  failed_logins  integer NOT NULL DEFAULT 0,
  locked_until   timestamptz,
  last_login_at  timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  -- A platform admin belongs to no company; a company user always to exactly one.
  CHECK ((role = 'admin') = (company_id IS NULL))
);
CREATE INDEX users_company_idx ON platform.users (company_id, created_at);

CREATE TABLE platform.sessions (
  id            text PRIMARY KEY,            -- HMAC of the cookie token, never the token itself
  user_id       uuid NOT NULL REFERENCES platform.users (id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON platform.sessions (user_id);
CREATE INDEX sessions_expiry_idx ON platform.sessions (expires_at);

CREATE TABLE platform.api_tokens (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id    uuid NOT NULL REFERENCES platform.companies (id),
  name          text NOT NULL,
  token_hash    text NOT NULL UNIQUE,
  last_four     text NOT NULL,
  created_by    uuid REFERENCES platform.users (id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX api_tokens_company_idx ON platform.api_tokens (company_id, created_at);

-- The phone-number index: a number belongs to exactly one company across the platform,
-- and looking it up is the first step of every incoming call.
CREATE TABLE platform.phone_numbers (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id  uuid NOT NULL REFERENCES platform.companies (id),
  e164        text NOT NULL UNIQUE CHECK (e164 ~ '^\+[1-9][0-9]{6,14}$'),
  label       text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX phone_numbers_company_idx ON platform.phone_numbers (company_id, created_at);

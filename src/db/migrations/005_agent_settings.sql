-- Per-company agent settings (versioned), voice settings and encrypted secrets.
-- Tenant tables: the rules of 002_tenant_core.sql apply (company_id in every key, RLS forced).

-- Every save of the agent settings is a new version; nothing is ever overwritten, so a
-- company can see and restore what its agent said last week. The document is validated by
-- the application (TypeBox); the database only insists it is an object.
CREATE TABLE agent_settings_versions (
  company_id   uuid NOT NULL REFERENCES platform.companies (id),
  version      integer NOT NULL CHECK (version > 0),
  settings     jsonb NOT NULL CHECK (jsonb_typeof(settings) = 'object'),
  actor_type   text NOT NULL CHECK (actor_type IN ('user', 'api_token', 'system')),
  actor_id     uuid,
  actor_label  text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, version)
);

-- The current version. Saving bumps it with one upsert, which locks the company's row:
-- concurrent saves take turns and get consecutive versions instead of colliding.
CREATE TABLE agent_settings (
  company_id  uuid NOT NULL REFERENCES platform.companies (id),
  version     integer NOT NULL,
  PRIMARY KEY (company_id),
  FOREIGN KEY (company_id, version) REFERENCES agent_settings_versions (company_id, version) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE voice_settings (
  company_id        uuid NOT NULL REFERENCES platform.companies (id),
  provider          text NOT NULL CHECK (provider IN ('elevenlabs', 'twilio')),
  voice_id          text NOT NULL CHECK (voice_id ~ '^[A-Za-z0-9._-]{1,64}$'),
  model_id          text NOT NULL CHECK (model_id ~ '^[a-z0-9_]{1,64}$'),
  stability         double precision NOT NULL CHECK (stability BETWEEN 0 AND 1),
  similarity_boost  double precision NOT NULL CHECK (similarity_boost BETWEEN 0 AND 1),
  style             double precision NOT NULL CHECK (style BETWEEN 0 AND 1),
  speed             double precision NOT NULL CHECK (speed BETWEEN 0.7 AND 1.2),
  use_own_key       boolean NOT NULL DEFAULT false,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id)
);

-- Encrypted with AES-256-GCM (src/crypto/secret-box.ts): `v<key version>:iv:ciphertext:tag`,
-- authenticated together with the company and the name, so a value copied into another
-- company's row or another name does not decrypt. `last4` is what the API may show.
CREATE TABLE company_secrets (
  company_id  uuid NOT NULL REFERENCES platform.companies (id),
  name        text NOT NULL CHECK (name IN ('elevenlabs_api_key', 'twilio_auth_token', 'llm_api_key')),
  ciphertext  text NOT NULL CHECK (ciphertext ~ '^v[0-9]+:'),
  last4       text NOT NULL CHECK (char_length(last4) <= 4),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, name)
);

CALL platform.isolate_tenant_tables(ARRAY['agent_settings_versions', 'agent_settings', 'voice_settings', 'company_secrets']);

-- History is append-only for the application.
REVOKE UPDATE, DELETE ON agent_settings_versions FROM clientsvia_app;

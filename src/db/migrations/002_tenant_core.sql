-- Tenant tables. Rules (checked by test/isolation/catalog.db.test.ts):
-- company_id NOT NULL, in the primary key, every unique constraint and every foreign key to
-- another tenant table; RLS enabled and forced with one policy on app.company_id.
CREATE FUNCTION public.current_company_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.company_id', true), '')::uuid $$;
GRANT EXECUTE ON FUNCTION public.current_company_id() TO clientsvia_app;

ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO clientsvia_app;

CREATE TABLE company_trade_categories (
  company_id         uuid NOT NULL REFERENCES platform.companies (id),
  trade_category_id  uuid NOT NULL REFERENCES platform.trade_categories (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, trade_category_id)
);

CREATE TABLE contacts (
  company_id  uuid NOT NULL REFERENCES platform.companies (id),
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  name        text NOT NULL DEFAULT '',
  email       text,
  address     text,
  zip         text,
  notes       text NOT NULL DEFAULT '',
  tags        text[] NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id)
);
CREATE INDEX contacts_recent_idx ON contacts (company_id, created_at DESC, id);
CREATE INDEX contacts_name_trgm_idx ON contacts USING gin (name gin_trgm_ops);

-- One normalised number belongs to one contact within a company: this is the dedupe key.
CREATE TABLE contact_phones (
  company_id  uuid NOT NULL,
  e164        text NOT NULL CHECK (e164 ~ '^\+[1-9][0-9]{6,14}$'),
  contact_id  uuid NOT NULL,
  position    integer NOT NULL DEFAULT 0,
  PRIMARY KEY (company_id, e164),
  FOREIGN KEY (company_id, contact_id) REFERENCES contacts (company_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_phones_contact_idx ON contact_phones (company_id, contact_id);

CREATE TABLE audit_log (
  company_id   uuid NOT NULL REFERENCES platform.companies (id),
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  actor_type   text NOT NULL CHECK (actor_type IN ('user', 'api_token', 'system')),
  actor_id     uuid,
  actor_label  text NOT NULL DEFAULT '',
  action       text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    uuid,
  changes      jsonb NOT NULL DEFAULT '{}',
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id)
);
CREATE INDEX audit_log_recent_idx ON audit_log (company_id, created_at DESC, id);
-- The audit log is append-only for the application.
REVOKE UPDATE, DELETE ON audit_log FROM clientsvia_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['company_trade_categories', 'contacts', 'contact_phones', 'audit_log'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (company_id = current_company_id()) WITH CHECK (company_id = current_company_id())', t);
  END LOOP;
END
$$;

-- Trade categories are shared reference data every company inherits; the restricted role
-- may read them (and nothing else in `platform`).
GRANT USAGE ON SCHEMA platform TO clientsvia_app;
GRANT SELECT ON platform.trade_categories TO clientsvia_app;

-- The website widget of each company: which sites may embed it, and what its key is made of.
-- A tenant table (rules of 002_tenant_core.sql). A company without a row has the defaults:
-- no allowed origins (browsers are refused) and its first key.
--
-- The key itself is not stored: it is `cvw_<company id>_<HMAC under SESSION_SECRET>` of the
-- company id and `key_nonce` (null for the first key, so keys issued before this table keep
-- working). Rotating the key writes a new nonce; every process checks keys against this row,
-- so the old key stops working at once everywhere.
CREATE TABLE widget_settings (
  company_id       uuid NOT NULL REFERENCES platform.companies (id),
  -- Exact origins (scheme://host[:port]), normalised by the application.
  allowed_origins  text[] NOT NULL DEFAULT '{}' CHECK (cardinality(allowed_origins) <= 20),
  key_nonce        text CHECK (key_nonce ~ '^[A-Za-z0-9_-]{22}$'),
  -- Counts saves (origins and key rotations); 0 until the first one. An edit names the version
  -- it started from, so a save in between is a conflict instead of a lost edit.
  version          integer NOT NULL DEFAULT 0 CHECK (version >= 0),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id)
);

CALL platform.isolate_tenant_tables(ARRAY['widget_settings']);

-- Booking: each company's rules, services, technicians and bookings. Tenant tables under the
-- rules of 002. Double-booking is refused by the database itself: an exclusion constraint over
-- each technician's buffered time for active bookings, and a capacity-checked counter per
-- arrival window.

CREATE TABLE booking_settings (
  company_id                       uuid NOT NULL REFERENCES platform.companies (id),
  weekly_hours                     jsonb NOT NULL DEFAULT '{}',
  overrides                        jsonb NOT NULL DEFAULT '[]',
  holidays                         jsonb NOT NULL DEFAULT '[]',
  service_area                     text[] NOT NULL DEFAULT '{}',
  min_notice_minutes               integer NOT NULL DEFAULT 120 CHECK (min_notice_minutes BETWEEN 0 AND 20160),
  horizon_days                     integer NOT NULL DEFAULT 30 CHECK (horizon_days BETWEEN 0 AND 365),
  max_jobs_per_technician_per_day  integer NOT NULL DEFAULT 0 CHECK (max_jobs_per_technician_per_day BETWEEN 0 AND 100),
  arrival_windows                  jsonb NOT NULL DEFAULT '[]',
  on_call                          jsonb,
  hold_minutes                     integer NOT NULL DEFAULT 5 CHECK (hold_minutes BETWEEN 1 AND 60),
  sms_confirmations                boolean NOT NULL DEFAULT false,
  updated_at                       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id)
);

CREATE TABLE booking_services (
  company_id             uuid NOT NULL REFERENCES platform.companies (id),
  id                     uuid NOT NULL DEFAULT gen_random_uuid(),
  name                   text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  description            text NOT NULL DEFAULT '',
  duration_minutes       integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),
  price_text             text NOT NULL DEFAULT '',
  required_skills        text[] NOT NULL DEFAULT '{}',
  emergency              boolean NOT NULL DEFAULT false,
  buffer_before_minutes  integer NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 480),
  buffer_after_minutes   integer NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 480),
  slot_interval_minutes  integer NOT NULL DEFAULT 30 CHECK (slot_interval_minutes BETWEEN 5 AND 1440),
  active                 boolean NOT NULL DEFAULT true,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id)
);
CREATE UNIQUE INDEX booking_services_name_key ON booking_services (company_id, lower(name));

CREATE TABLE technicians (
  company_id    uuid NOT NULL REFERENCES platform.companies (id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  phone         text CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
  skills        text[] NOT NULL DEFAULT '{}',
  zips          text[] NOT NULL DEFAULT '{}',
  weekly_hours  jsonb,
  time_off      jsonb NOT NULL DEFAULT '[]',
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id)
);

-- 'held' and 'confirmed' are active: they block the technician and count toward caps. A hold
-- past hold_expires_at is released (status 'expired') by a job and before every booking write.
CREATE TABLE bookings (
  company_id             uuid NOT NULL REFERENCES platform.companies (id),
  id                     uuid NOT NULL DEFAULT gen_random_uuid(),
  service_id             uuid NOT NULL,
  technician_id          uuid NOT NULL,
  contact_id             uuid,
  call_id                uuid,
  status                 text NOT NULL CHECK (status IN ('held', 'confirmed', 'cancelled', 'expired', 'completed')),
  start_at               timestamptz NOT NULL,
  end_at                 timestamptz NOT NULL,
  -- The job with its buffers: what the technician cannot do anything else during.
  blocked_from           timestamptz NOT NULL,
  blocked_to             timestamptz NOT NULL,
  window_key             text,
  window_end             text,
  zip                    text NOT NULL CHECK (zip ~ '^[0-9]{5}$'),
  address                text,
  customer_name          text NOT NULL DEFAULT '',
  customer_phone         text,
  notes                  text NOT NULL DEFAULT '',
  emergency              boolean NOT NULL DEFAULT false,
  surcharge_note         text,
  source                 text NOT NULL DEFAULT 'api' CHECK (source IN ('api', 'dashboard', 'phone')),
  hold_expires_at        timestamptz,
  confirmed_at           timestamptz,
  cancelled_at           timestamptz,
  cancel_reason          text,
  idempotency_key        text CHECK (length(idempotency_key) BETWEEN 1 AND 255),
  request_hash           text,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id),
  FOREIGN KEY (company_id, service_id) REFERENCES booking_services (company_id, id),
  FOREIGN KEY (company_id, technician_id) REFERENCES technicians (company_id, id),
  FOREIGN KEY (company_id, contact_id) REFERENCES contacts (company_id, id) ON DELETE SET NULL (contact_id),
  UNIQUE (company_id, idempotency_key),
  CHECK (end_at > start_at AND blocked_from <= start_at AND blocked_to >= end_at),
  CHECK (status <> 'held' OR hold_expires_at IS NOT NULL),
  CHECK ((window_key IS NULL) = (window_end IS NULL)),
  CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
    company_id WITH =,
    technician_id WITH =,
    tstzrange(blocked_from, blocked_to) WITH &&
  ) WHERE (status IN ('held', 'confirmed'))
);
CREATE INDEX bookings_start_idx ON bookings (company_id, start_at);
CREATE INDEX bookings_contact_idx ON bookings (company_id, contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX bookings_live_holds_idx ON bookings (company_id, hold_expires_at) WHERE status = 'held';

-- Bookings per arrival window (key '2026-03-19@08:00'). An increment succeeds only below the
-- capacity, so concurrent writers can never overfill a window.
CREATE TABLE booking_window_counts (
  company_id  uuid NOT NULL REFERENCES platform.companies (id),
  window_key  text NOT NULL,
  booked      integer NOT NULL DEFAULT 0,
  capacity    integer NOT NULL CHECK (capacity >= 1),
  PRIMARY KEY (company_id, window_key),
  CHECK (booked >= 0 AND booked <= capacity)
);

-- Every tenant table from here on is put under the rules of 002 by this one procedure (only
-- migrations run it: nobody else may execute it).
CREATE PROCEDURE platform.isolate_tenant_tables(tables text[]) LANGUAGE plpgsql AS $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY tables LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (company_id = current_company_id()) WITH CHECK (company_id = current_company_id())', t);
  END LOOP;
END
$$;
REVOKE ALL ON PROCEDURE platform.isolate_tenant_tables(text[]) FROM PUBLIC;

CALL platform.isolate_tenant_tables(ARRAY['booking_settings', 'booking_services', 'technicians', 'bookings', 'booking_window_counts']);

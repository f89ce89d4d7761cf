-- Business analytics per company-local day (src/modules/analytics/). Tenant tables under the
-- rules of 002.
--
-- A day's figures are computed once from the call records and kept in analytics_days; they stay
-- right by construction, without a job:
--   * Every write that can change a day's figures (a call arriving or finishing late, a turn, a
--     message, a booking made or cancelled) bumps the version of the UTC date its call started
--     on, in the same transaction (the triggers below, whoever the writer is).
--   * A kept day records the versions of the UTC dates it overlaps, read before it was computed,
--     and the instants and opening hours it was computed for. It is used only while all of them
--     are unchanged; otherwise it is computed again. A write that commits while a day is being
--     computed leaves the day marked with the older version, so it is computed again next time.
--   * The company's zone or hours changing changes the day's instants or hours: recomputed.

CREATE TABLE analytics_versions (
  company_id  uuid NOT NULL REFERENCES platform.companies (id),
  utc_date    date NOT NULL,
  version     bigint NOT NULL DEFAULT 1,
  PRIMARY KEY (company_id, utc_date)
);

CREATE TABLE analytics_days (
  company_id   uuid NOT NULL REFERENCES platform.companies (id),
  day          date NOT NULL,
  day_start    timestamptz NOT NULL,
  day_end      timestamptz NOT NULL,
  -- The company's open intervals within the day when it was computed (after-hours counts).
  open_hours   text NOT NULL,
  versions     bigint[] NOT NULL,
  -- json, not jsonb: written once, read whole, and sent back as the text it is.
  figures      json NOT NULL,
  computed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, day),
  CHECK (day_end > day_start)
);

-- Bumps the version of the UTC date of each (company, instant); dates in order, so two writers
-- lock the rows in the same order.
CREATE FUNCTION analytics_bump(companies uuid[], instants timestamptz[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO analytics_versions AS v (company_id, utc_date)
  SELECT DISTINCT u.c, (u.i AT TIME ZONE 'UTC')::date FROM unnest(companies, instants) AS u(c, i)
  WHERE u.c IS NOT NULL AND u.i IS NOT NULL ORDER BY 1, 2
  ON CONFLICT (company_id, utc_date) DO UPDATE SET version = v.version + 1
$$;

-- Statement-level with transition tables: a bulk insert bumps each date once, not once a row.
CREATE FUNCTION analytics_calls_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_bump(array_agg(company_id), array_agg(started_at)) FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM analytics_bump(array_agg(company_id), array_agg(started_at)) FROM old_rows;
  ELSE
    -- Every turn updates its call; only what the figures read counts as a change.
    PERFORM analytics_bump(array_agg(x.company_id), array_agg(x.at)) FROM (
      SELECT n.company_id, unnest(ARRAY[n.started_at, o.started_at]) AS at
      FROM new_rows n JOIN old_rows o ON o.company_id = n.company_id AND o.id = n.id
      WHERE (n.started_at, n.channel, n.status, n.outcome, n.duration_seconds, n.booking_id, n.state -> 'facts')
        IS DISTINCT FROM (o.started_at, o.channel, o.status, o.outcome, o.duration_seconds, o.booking_id, o.state -> 'facts')
    ) x;
  END IF;
  RETURN NULL;
END
$$;

-- Turns, messages and bookings count on the day their call started.
CREATE FUNCTION analytics_call_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM analytics_bump(array_agg(c.company_id), array_agg(c.started_at))
    FROM calls c JOIN (SELECT DISTINCT company_id, call_id FROM new_rows) r ON c.company_id = r.company_id AND c.id = r.call_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM analytics_bump(array_agg(c.company_id), array_agg(c.started_at))
    FROM calls c JOIN (SELECT DISTINCT company_id, call_id FROM old_rows) r ON c.company_id = r.company_id AND c.id = r.call_id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER analytics_calls_inserted AFTER INSERT ON calls REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_calls_changed();
CREATE TRIGGER analytics_calls_updated AFTER UPDATE ON calls REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_calls_changed();
CREATE TRIGGER analytics_calls_deleted AFTER DELETE ON calls REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_calls_changed();

CREATE TRIGGER analytics_turns_inserted AFTER INSERT ON call_turns REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_call_rows_changed();
CREATE TRIGGER analytics_turns_updated AFTER UPDATE ON call_turns REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_call_rows_changed();
CREATE TRIGGER analytics_turns_deleted AFTER DELETE ON call_turns REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_call_rows_changed();
CREATE TRIGGER analytics_messages_inserted AFTER INSERT ON messages REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_call_rows_changed();
CREATE TRIGGER analytics_messages_updated AFTER UPDATE ON messages REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_call_rows_changed();
CREATE TRIGGER analytics_messages_deleted AFTER DELETE ON messages REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_call_rows_changed();
CREATE TRIGGER analytics_bookings_inserted AFTER INSERT ON bookings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_call_rows_changed();
CREATE TRIGGER analytics_bookings_updated AFTER UPDATE ON bookings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_call_rows_changed();
CREATE TRIGGER analytics_bookings_deleted AFTER DELETE ON bookings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_call_rows_changed();

-- A day is computed from its calls' messages and bookings, found by call.
CREATE INDEX messages_call_idx ON messages (company_id, call_id) WHERE call_id IS NOT NULL;
CREATE INDEX bookings_call_idx ON bookings (company_id, call_id) WHERE call_id IS NOT NULL;

CALL platform.isolate_tenant_tables(ARRAY['analytics_versions', 'analytics_days']);

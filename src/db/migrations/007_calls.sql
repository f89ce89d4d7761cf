-- Calls, their turns and the messages the agent takes. Tenant tables under the rules of 002.
-- A call's conversation state lives here, not in a process: any app instance serves any turn.

CREATE TABLE calls (
  company_id        uuid NOT NULL REFERENCES platform.companies (id),
  id                uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Twilio's CallSid, or the web chat's session id.
  call_sid          text NOT NULL CHECK (length(call_sid) BETWEEN 1 AND 64),
  channel           text NOT NULL DEFAULT 'phone' CHECK (channel IN ('phone', 'web')),
  from_number       text,
  to_number         text,
  status            text NOT NULL DEFAULT 'in_progress'
                    CHECK (status IN ('in_progress', 'completed', 'busy', 'no_answer', 'failed', 'canceled')),
  outcome           text CHECK (outcome IN ('booked', 'answered', 'message', 'transferred', 'emergency', 'abandoned')),
  started_at        timestamptz NOT NULL DEFAULT now(),
  ended_at          timestamptz,
  duration_seconds  integer CHECK (duration_seconds >= 0),
  contact_id        uuid,
  booking_id        uuid,
  state             jsonb NOT NULL DEFAULT '{}',
  turn_count        integer NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id),
  UNIQUE (company_id, call_sid),
  FOREIGN KEY (company_id, contact_id) REFERENCES contacts (company_id, id) ON DELETE SET NULL (contact_id),
  FOREIGN KEY (company_id, booking_id) REFERENCES bookings (company_id, id) ON DELETE SET NULL (booking_id)
);
CREATE INDEX calls_recent_idx ON calls (company_id, started_at DESC, id);

-- One row per turn; seq 0 is the greeting. The response is kept so a repeated delivery of the
-- same turn is answered with the same words and never acted on twice.
CREATE TABLE call_turns (
  company_id     uuid NOT NULL,
  call_id        uuid NOT NULL,
  seq            integer NOT NULL CHECK (seq >= 0),
  caller_text    text,
  confidence     real,
  agent_text     text NOT NULL,
  response       text NOT NULL,
  intent         text,
  engine         text NOT NULL CHECK (engine IN ('greeting', 'embedded', 'llm', 'fallback', 'system')),
  engine_ms      integer NOT NULL DEFAULT 0,
  speech_ms      integer NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, call_id, seq),
  FOREIGN KEY (company_id, call_id) REFERENCES calls (company_id, id) ON DELETE CASCADE
);

CREATE TABLE messages (
  company_id       uuid NOT NULL REFERENCES platform.companies (id),
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  call_id          uuid,
  contact_id       uuid,
  caller_name      text NOT NULL DEFAULT '',
  callback_number  text,
  body             text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  urgent           boolean NOT NULL DEFAULT false,
  status           text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'handled')),
  source_key       text,
  handled_at       timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id),
  UNIQUE (company_id, source_key),
  FOREIGN KEY (company_id, call_id) REFERENCES calls (company_id, id) ON DELETE SET NULL (call_id),
  FOREIGN KEY (company_id, contact_id) REFERENCES contacts (company_id, id) ON DELETE SET NULL (contact_id)
);
CREATE INDEX messages_recent_idx ON messages (company_id, created_at DESC, id);

ALTER TABLE bookings ADD FOREIGN KEY (company_id, call_id) REFERENCES calls (company_id, id) ON DELETE SET NULL (call_id);

CALL platform.isolate_tenant_tables(ARRAY['calls', 'call_turns', 'messages']);

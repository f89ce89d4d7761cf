-- Rate-limit counters shared by every app process on one PostgreSQL server (src/rate-limits/):
-- one row per key and fixed window, counted by one upsert per hit, so N processes allow what
-- one does. (With REDIS_URL they live in Redis instead; on PGlite, one process, in memory.)
-- Platform data: keys name a route and a client address or a company, never a tenant's rows.
-- UNLOGGED: a counter needs neither crash safety nor a replica (after a crash or a failover
-- every window starts afresh), and a hit then writes no WAL. No index beyond the key, so a hit
-- is a HOT update; ended windows are swept by the sweep-rate-limit-counters job.
CREATE UNLOGGED TABLE platform.rate_limit_counters (
  key      text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 500),
  hits     integer NOT NULL CHECK (hits > 0),
  ends_at  timestamptz NOT NULL
);

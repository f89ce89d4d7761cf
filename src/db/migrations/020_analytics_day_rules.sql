-- Which rules counted a kept analytics day (src/modules/analytics/day-rules.ts). A day kept
-- under other rules is stale like one whose calls changed, so a change of what a figure means
-- (one lead rule for analytics and the leads list) reaches the days counted before it.
ALTER TABLE analytics_days ADD COLUMN rules smallint NOT NULL DEFAULT 1;

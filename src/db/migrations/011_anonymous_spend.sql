-- Paid work anonymous visitors cause is budgeted per company-local day in anonymous_usage:
-- language-model turns ('model_turn'). A 'budget_alert' row (subject: the budget's kind)
-- records that the day's alert was raised, so it is raised once however many processes serve
-- the company.
ALTER TABLE anonymous_usage DROP CONSTRAINT anonymous_usage_kind_check;
ALTER TABLE anonymous_usage ADD CONSTRAINT anonymous_usage_kind_check
  CHECK (kind IN ('conversation', 'booking', 'booking_phone', 'model_turn', 'budget_alert'));

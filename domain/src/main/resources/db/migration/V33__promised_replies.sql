-- Promised reply times (告知答复时间): the marks of a case's current promise, set once each by the promise watch
-- (reminded, missed) or by the workflow (made, kept); and how long before its time the owner is reminded.
ALTER TABLE complaint ADD COLUMN promised_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN promise_kept_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN promise_reminded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN promise_missed_at TIMESTAMP WITH TIME ZONE;
-- Promises made before this migration have no promised_at: the entity treats them as made long before.

-- The watch's question, every minute: the promises not yet recorded as missed.
CREATE INDEX complaint_promise_watch ON complaint (tenant_id, promised_reply_by)
    WHERE promised_reply_by IS NOT NULL AND promise_missed_at IS NULL;
-- The reports count missed promises from the history.
CREATE INDEX case_event_promise_missed ON case_event (tenant_id, occurred_at) WHERE event_action = 'PROMISE_MISSED';

ALTER TABLE office_settings ADD COLUMN promise_reminder_minutes INT NOT NULL DEFAULT 30;

-- The promise watch's lease: the node that takes it does the minute's round (a job without a row never runs).
INSERT INTO job_lease (name, holder, lease_until) VALUES ('promises', NULL, TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00');

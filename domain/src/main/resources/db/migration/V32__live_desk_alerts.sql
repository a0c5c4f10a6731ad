-- A major complaint's notice is an alert on every staff page of its recipient until they acknowledge it (the
-- recipient is who, this is when). Earlier major notices count as acknowledged: nobody is alerted of old cases.
-- Row-level security would hide every tenant's rows from the data fix: lifted for this transaction (see V17).
ALTER TABLE notice ADD COLUMN acknowledged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notice NO FORCE ROW LEVEL SECURITY;
UPDATE notice SET acknowledged_at = created_at WHERE notice_kind = 'MAJOR';
ALTER TABLE notice FORCE ROW LEVEL SECURITY;

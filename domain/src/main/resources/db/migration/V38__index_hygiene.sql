-- membership_unique (tenant_id, user_id, role) already serves every lookup by tenant and user as its prefix; the
-- second index on (tenant_id, user_id) only cost every write to membership.
DROP INDEX IF EXISTS membership_tenant_user;

-- The rate-window purge deletes the windows that ended, across all buckets (RateWindow.PURGE: window_start before
-- a time): the primary key leads with the bucket, so without this index every purge read the whole table.
CREATE INDEX rate_window_start ON rate_window (window_start);

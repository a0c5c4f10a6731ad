-- Kefu schema, version 19.1: indexes the report figures need at 50,000 cases a month (docs/BENCHMARKS.md,
-- "Reports"). Without them the first-response figure and the cases carried over read every case of the tenant.

-- First response deadlines falling in the period.
CREATE INDEX complaint_first_response ON complaint (tenant_id, first_response_due);

-- Cases not finished (closed_at NULL), by registration: the open cases carried over at a period's end, counted from
-- the index alone (id included, which is what COUNT reads).
CREATE INDEX complaint_unfinished ON complaint (tenant_id, registered_at) INCLUDE (id) WHERE closed_at IS NULL;

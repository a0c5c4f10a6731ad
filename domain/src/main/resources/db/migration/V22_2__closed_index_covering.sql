-- Kefu schema, version 22.2: the cases carried over open at a period's end include those closed after it but
-- registered before it (docs/REPORTS.md); for a quarter a large office closed 100,000 cases since. Carrying the
-- registration moment in the closings' index counts them without visiting the table (107 ms → 6 ms measured).
DROP INDEX complaint_closed;
CREATE INDEX complaint_closed ON complaint (tenant_id, closed_at) INCLUDE (registered_at, id);

-- Kefu schema, version 22.1: the open cases of a tenant, covered. The dashboard's "now" figures (open by status,
-- ageing, load per department) and the overdue count read every open case of the tenant; a large office has tens of
-- thousands. Their queries say `closed_at IS NULL` (an open case has no closing moment, docs/REPORTS.md) so that this
-- partial index answers them without visiting the table (closed_at is carried too, always empty here, because the
-- overdue condition names it: without it the dashboard's open-case pass read the table, 626 ms instead of 119 ms on
-- 66,000 open cases).
CREATE INDEX complaint_open ON complaint (tenant_id, status, department_code)
    INCLUDE (id, registered_at, resolution_due, first_responded_at, first_response_due, closed_at)
    WHERE closed_at IS NULL;

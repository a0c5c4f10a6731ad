-- Kefu schema, version 23: revisions of the quarterly complaint analysis report, as the monthly table has them
-- (docs/REPORTS.md, "Corrections of a published quarterly report").

-- One row per quarter and revision. Revision 1 is the quarter's first report; a correction of a published report is
-- the next revision, a draft with its reason, and every earlier revision keeps its snapshot as approved. The reports
-- written before this version are their quarter's revision 1, begun (created_at) when this migration ran: the column
-- is filled by its default, which no row-level policy stands in the way of.
ALTER TABLE quarterly_report ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE quarterly_report ALTER COLUMN revision DROP DEFAULT;
ALTER TABLE quarterly_report ADD COLUMN reason VARCHAR(1000);
ALTER TABLE quarterly_report ADD COLUMN created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now();
ALTER TABLE quarterly_report ALTER COLUMN created_at DROP DEFAULT;
ALTER TABLE quarterly_report DROP CONSTRAINT quarterly_report_quarter;
ALTER TABLE quarterly_report ADD CONSTRAINT quarterly_report_revision UNIQUE (tenant_id, quarter, revision);
ALTER TABLE quarterly_report ADD CONSTRAINT quarterly_report_reason CHECK (revision = 1 OR reason IS NOT NULL);

-- Kefu schema, version 19: what the reports need to know about a case beyond its workflow (docs/REPORTS.md).

-- The unit (flat, shop, office) on the resident register the case is about, when staff or the filing know it:
-- the quarterly report counts by building and finds the complaints that keep coming back to one unit.
ALTER TABLE complaint ADD COLUMN unit_id BIGINT REFERENCES unit (id);
CREATE INDEX complaint_unit_category ON complaint (tenant_id, unit_id, category_code) WHERE unit_id IS NOT NULL;

-- Responsibility attribution (职责归属): the department whose fault the case was, a supervisor's judgement that
-- may differ from the department that handled it. NULL until judged (the handling department is proposed);
-- '_external' means external / not attributable (no department code can take that form).
ALTER TABLE complaint ADD COLUMN responsible_department_code VARCHAR(40);

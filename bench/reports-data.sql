-- Data for bench/reports.sh: one large tenant (:big) with :per_month cases in each of the last :months months,
-- shaped like a busy office's history so that every report figure has work to do. Run with psql as a superuser
-- (row-level security: the generated rows belong to the tenant, and only a superuser writes rows of a tenant
-- without naming it), e.g.
--   psql -v big=huijing-property -v per_month=50000 -v months=13 -f bench/reports-data.sql
-- Running it twice doubles the tenant's cases; numbers continue each month (case_serial is brought up to date).
--
-- The mix, per case (independent random draws), with bench/case-shape.sql's kinds, severities, deadlines and
-- statuses by age, inserted in the order of registration as an office's cases are:
--   registered  uniformly over the last :months × 30.44 days, so each calendar month holds about :per_month;
--   units       2,400 units in 40 buildings (created if missing), 85 % of the cases linked to one; a fifth of the
--               units take half of those cases, so complaints recur in the same unit and building;
--   category    one of 8, each with its usual department; the responsible department is judged on 40 % of the
--               finished cases (one in five of those another department than the handling one, 5 % external);
--   closed_at   CLOSED one to three days after the resolution, NOT_UPHELD and WITHDRAWN within the deadline;
--   callbacks   one CASE task per resolved case (CLOSED: DONE with its outcome, 80 % satisfied, 12 % partly,
--               3 % not, 5 % unreachable; CALLBACK_PENDING: OPEN), one attempt with a score 1–5 when reached.
\set ON_ERROR_STOP on
\ir case-shape.sql
\timing on

INSERT INTO unit (tenant_id, building, unit_no, area_m2, version)
SELECT t.id, b || '栋', (100 * f + u)::text, 60 + (b * 7 + f * 3 + u) % 90, 0
FROM tenant t, generate_series(1, 40) b, generate_series(1, 20) f, generate_series(1, 3) u
WHERE t.slug = :'big'
ON CONFLICT (tenant_id, building, unit_no) DO NOTHING;

CREATE TEMP TABLE units AS
SELECT row_number() OVER (ORDER BY id) AS n, id FROM unit WHERE tenant_id = (SELECT id FROM tenant WHERE slug = :'big');

CREATE TEMP TABLE gen AS
WITH draws AS (
    SELECT g::bigint AS g, random() AS r_age, random() AS r_kind, random() AS r_sev, random() AS r_status,
           random() AS r_cat, random() AS r_unit, random() AS r_other
    FROM generate_series(1, :per_month * :months) g
), cases AS (
    SELECT d.*, (SELECT id FROM tenant WHERE slug = :'big') AS tenant_id,
           date_trunc('second', now() - d.r_age * :months * interval '30.44 days') AS registered_at,
           pg_temp.case_kind(d.r_kind) AS kind,
           pg_temp.case_severity(d.r_sev) AS severity,
           1 + floor(d.r_cat * 8)::int AS cat,
           CASE WHEN d.r_unit < .15 THEN NULL
                WHEN d.r_unit < .575 THEN 1 + floor(d.r_other * (SELECT count(*) FROM units) / 5)::bigint
                ELSE 1 + floor(d.r_other * (SELECT count(*) FROM units))::bigint END AS unit_n
    FROM draws d
), due AS (
    SELECT c.*,
           pg_temp.first_response_due(c.registered_at, c.severity) AS first_response_due,
           pg_temp.resolution_due(c.registered_at, c.kind, c.severity) AS resolution_due
    FROM cases c
)
SELECT d.*,
       pg_temp.case_status(d.resolution_due, d.r_status) AS status,
       to_char(d.registered_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMM') AS month
FROM due d;

CREATE TEMP TABLE numbered AS
SELECT g.*, coalesce(s.last_serial, 0)
            + row_number() OVER (PARTITION BY g.tenant_id, g.month ORDER BY g.registered_at, g.g) AS serial,
       g.registered_at + (g.resolution_due - g.registered_at) * g.r_age AS resolved_at
FROM gen g LEFT JOIN case_serial s ON s.tenant_id = g.tenant_id AND s.serial_month = g.month;

CREATE TEMP TABLE made (id BIGINT PRIMARY KEY);

WITH texts AS (
    SELECT ARRAY['厨房水管漏水，楼下邻居天花板已经渗水', '楼上每晚十二点后装修噪音，影响休息', '垃圾站异味严重，夏天尤其明显',
                 '小区东门门禁卡刷不开', '物业费账单多收了两个月的公摊电费，请核实', '前台人员态度冷淡，问题没人跟进',
                 '维修后两天又坏了，返工质量差', '建议增加充电桩'] AS t,
           ARRAY['repairs', 'noise', 'cleaning', 'security', 'billing', 'service-attitude', 'work-quality', 'other'] AS cat,
           ARRAY['engineering', 'security', 'cleaning', 'security', 'finance', 'customer-service', 'engineering',
                 'customer-service'] AS dept,
           ARRAY['customer-service', 'engineering', 'security', 'cleaning', 'finance'] AS anyone
), ins AS (
    INSERT INTO complaint (tenant_id, case_number, kind, category_code, severity, channel, status,
                           description, location, contact_name, contact_phone, contact_email, desired_outcome, anonymous,
                           registered_at, registered_by, owner_username, department_code, promised_reply_by,
                           first_response_due, resolution_due, first_responded_at, resolved_at, resolution,
                           rejection_requested_by, waiting_since, reporter_username, callback_outcome, closed_at,
                           unit_id, responsible_department_code, escalation_level, version)
    SELECT n.tenant_id,
           n.month || '-' || lpad(n.serial::text, greatest(4, length(n.serial::text)), '0'),
           n.kind, x.cat[n.cat], n.severity,
           CASE WHEN n.g * 7919 % 100 < 55 THEN 'ONLINE' WHEN n.g * 7919 % 100 < 85 THEN 'PHONE'
                WHEN n.g * 7919 % 100 < 95 THEN 'VISIT' ELSE 'LETTER' END,
           n.status,
           x.t[n.cat] || ' #' || n.g,
           NULL,
           CASE WHEN n.g % 2 = 0 THEN '王女士' ELSE '李先生' END,
           '139' || lpad((n.g % 100000000)::text, 8, '0'),
           NULL, NULL, FALSE,
           n.registered_at,
           CASE WHEN n.g * 7919 % 100 < 55 THEN NULL ELSE 'staff-' || (n.g % 12) END,
           CASE WHEN n.status IN ('REGISTERED', 'WITHDRAWN') THEN NULL ELSE 'staff-' || (n.g % 12) END,
           CASE WHEN n.status IN ('REGISTERED', 'ACCEPTED', 'WITHDRAWN') THEN NULL ELSE x.dept[n.cat] END,
           NULL,
           n.first_response_due, n.resolution_due,
           CASE WHEN n.status IN ('REGISTERED', 'WITHDRAWN') THEN NULL
                ELSE n.registered_at + (n.first_response_due - n.registered_at) * (0.2 + n.r_sev) END,
           CASE WHEN n.status IN ('CALLBACK_PENDING', 'CLOSED') THEN n.resolved_at END,
           CASE WHEN n.status IN ('CALLBACK_PENDING', 'CLOSED') THEN '已处理完毕' END,
           CASE WHEN n.status = 'REJECTION_REQUESTED' THEN 'staff-' || (n.g % 12) END,
           CASE WHEN n.status = 'WAITING_ON_RESIDENT' THEN n.registered_at + interval '1 day' END,
           CASE WHEN n.g * 7919 % 100 < 30 THEN 'resident-' || (n.g % 2000) END,
           CASE WHEN n.status = 'CLOSED' THEN
                CASE WHEN n.r_other < .80 THEN 'SATISFIED' WHEN n.r_other < .92 THEN 'PARTLY_SATISFIED'
                     WHEN n.r_other < .95 THEN 'NOT_SATISFIED' ELSE 'UNREACHABLE' END END,
           CASE WHEN n.status = 'CLOSED' THEN least(n.resolved_at + (1 + 2 * n.r_kind) * interval '1 day', now())
                WHEN n.status IN ('NOT_UPHELD', 'WITHDRAWN')
                    THEN n.registered_at + (n.resolution_due - n.registered_at) * n.r_age END,
           (SELECT id FROM units WHERE units.n = n.unit_n),
           CASE WHEN n.status IN ('CLOSED', 'NOT_UPHELD') AND n.g % 5 < 2 THEN
                CASE WHEN n.g % 20 = 1 THEN '_external'
                     WHEN n.g % 7 = 0 THEN x.anyone[1 + n.g % 5] ELSE x.dept[n.cat] END END,
           -- Open past its deadline: the overdue watch escalated it to the supervisors and the manager back then
           -- (otherwise the portal's first rounds escalate tens of thousands of cases while the bench measures).
           CASE WHEN n.status IN ('REGISTERED', 'ACCEPTED', 'IN_PROGRESS', 'REJECTION_REQUESTED')
                 AND (n.resolution_due < now() OR (n.status = 'REGISTERED' AND n.first_response_due < now()))
                THEN 2 ELSE 0 END,
           1
    FROM numbered n, texts x
    ORDER BY n.registered_at
    RETURNING id, tenant_id, registered_at, coalesce(registered_by, 'resident') AS actor
), events AS (
    INSERT INTO case_event (tenant_id, complaint_id, occurred_at, actor, event_action, from_status, to_status, body,
                            public_event)
    SELECT tenant_id, id, registered_at, actor, 'REGISTER', NULL, 'REGISTERED', NULL, TRUE FROM ins
)
INSERT INTO made SELECT id FROM ins;

-- The escalations those overdue cases got when their deadlines passed (the watch looks for cases without them).
INSERT INTO escalation (tenant_id, complaint_id, reason, escalated_at)
SELECT c.tenant_id, c.id, r.reason, least(c.resolution_due, c.first_response_due)
FROM complaint c JOIN made m ON m.id = c.id, (VALUES ('OVERDUE'), ('OVERDUE_MANAGER')) AS r (reason)
WHERE c.escalation_level = 2;

-- One callback per resolved case: done with its outcome for the closed ones, open for those still waiting.
WITH tasks AS (
    INSERT INTO callback_task (tenant_id, public_key, task_kind, complaint_id, contact_name, contact_phone, assignee,
                               task_status, outcome, attempts, created_at, due_at, finished_at, escalation_level,
                               open_complaint_id, version)
    SELECT c.tenant_id, substr(md5(c.id::text || random()::text), 1, 22), 'CASE', c.id, c.contact_name,
           c.contact_phone, c.owner_username,
           CASE WHEN c.status = 'CLOSED' THEN 'DONE' ELSE 'OPEN' END,
           c.callback_outcome, CASE WHEN c.status = 'CLOSED' THEN 1 ELSE 0 END,
           c.resolved_at, c.resolved_at + interval '2 days',
           CASE WHEN c.status = 'CLOSED' THEN c.closed_at END, 0,
           CASE WHEN c.status = 'CALLBACK_PENDING' THEN c.id END, 1
    FROM complaint c JOIN made m ON m.id = c.id
    WHERE c.status IN ('CLOSED', 'CALLBACK_PENDING')
    RETURNING id, tenant_id, complaint_id, outcome, finished_at, assignee
)
INSERT INTO callback_attempt (tenant_id, task_id, seq, attempted_at, attempted_by, method, reached, satisfaction,
                              score)
SELECT t.tenant_id, t.id, 1, t.finished_at, coalesce(t.assignee, 'staff-0'), 'PHONE',
       t.outcome <> 'UNREACHABLE',
       CASE WHEN t.outcome IN ('SATISFIED', 'PARTLY_SATISFIED', 'NOT_SATISFIED') THEN t.outcome END,
       CASE t.outcome WHEN 'SATISFIED' THEN 4 + (t.id % 2) WHEN 'PARTLY_SATISFIED' THEN 3
                      WHEN 'NOT_SATISFIED' THEN 1 + (t.id % 2) END
FROM tasks t WHERE t.outcome IS NOT NULL;

INSERT INTO case_serial (tenant_id, serial_month, last_serial)
SELECT tenant_id, month, max(serial) FROM numbered GROUP BY tenant_id, month
ON CONFLICT (tenant_id, serial_month) DO UPDATE SET last_serial = greatest(case_serial.last_serial, excluded.last_serial);

DROP TABLE made;
DROP TABLE numbered;
DROP TABLE gen;
DROP TABLE units;

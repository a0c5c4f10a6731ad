-- Data for bench/inbox.sh: tenants up to :tenants in all, then :cases more cases spread over them, with one
-- REGISTER event each. Run with psql as a superuser (row-level security lets the application's role write only rows
-- of the tenant it names), e.g.
--   psql -v tenants=1000 -v cases=100000 -v big=huijing-property -v big_share=0.05 \
--        -v small=riverside-mall -v small_share=0.001 -f bench/inbox-data.sql
-- Running it again adds :cases more (10^5, then 9 × 10^5 more for 10^6); numbers continue each tenant's month
-- (case_serial is brought up to date), so the portal can keep filing on top of it.
--
-- The mix, per case (independent random draws):
--   tenant     :big_share of all cases to :big (a large tenant), :small_share to :small (a typical tenant,
--              1/1000 of the cases with 1000 tenants), the rest uniformly over the generated tenants;
--   registered within the last 365 days, more of them recent (now − 365 d × r², r uniform): about 29 % in the
--              last 30 days; month of the number in Asia/Shanghai (both demo zones are UTC+8);
--   kind, severity, deadlines and status by age: bench/case-shape.sql (WAITING_ON_RESIDENT waiting since a day
--              after registration);
--   text       one of 12 typical descriptions (Chinese and English) + " #n", so `q` finds realistic shares;
--   people     owner one of 7 staff-n once accepted; 30 % filed online by a signed-in resident (reporter).
-- Columns added by later migrations that are nullable or have defaults are left to them.
\set ON_ERROR_STOP on
\ir case-shape.sql
\timing on

-- Tenants: bench-0001 … up to :tenants tenants in all (the demo tenants count).
INSERT INTO tenant (slug, name_zh, name_en, kind, status, time_zone, default_locale, created_at, version)
SELECT 'bench-' || lpad(g::text, 4, '0'), '测试租户' || g, 'Bench tenant ' || g,
       CASE WHEN g % 3 = 0 THEN 'RETAIL' ELSE 'PROPERTY' END, 'ACTIVE', 'Asia/Shanghai',
       CASE WHEN g % 3 = 0 THEN 'en' ELSE 'zh-CN' END, now() - interval '400 days', 1
FROM generate_series(1, greatest(0, :tenants - (SELECT count(*) FROM tenant))) g
ON CONFLICT (slug) DO NOTHING;

CREATE TEMP TABLE gen AS
WITH others AS (
    SELECT array_agg(id ORDER BY id) AS ids FROM tenant WHERE slug NOT IN (:'big', :'small')
), draws AS (
    SELECT g::bigint AS g, random() AS r_tenant, random() AS r_age, random() AS r_kind, random() AS r_sev, random() AS r_status,
           random() AS r_text, random() AS r_other
    FROM generate_series(1, :cases) g
), cases AS (
    SELECT d.*,
           CASE WHEN d.r_tenant < :big_share THEN (SELECT id FROM tenant WHERE slug = :'big')
                WHEN d.r_tenant < :big_share + :small_share THEN (SELECT id FROM tenant WHERE slug = :'small')
                ELSE o.ids[1 + floor(d.r_other * array_length(o.ids, 1))::int] END AS tenant_id,
           date_trunc('second', now() - (d.r_age ^ 2) * interval '365 days') AS registered_at,
           pg_temp.case_kind(d.r_kind) AS kind,
           pg_temp.case_severity(d.r_sev) AS severity
    FROM draws d, others o
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

-- Serials continue where each tenant's month stands.
CREATE TEMP TABLE numbered AS
SELECT g.*, coalesce(s.last_serial, 0)
            + row_number() OVER (PARTITION BY g.tenant_id, g.month ORDER BY g.registered_at, g.g) AS serial
FROM gen g LEFT JOIN case_serial s ON s.tenant_id = g.tenant_id AND s.serial_month = g.month;

WITH texts AS (
    SELECT ARRAY['楼上每晚十二点后装修噪音，影响休息', '地下车库B2层照明坏了三盏，存在安全隐患',
                 '厨房水管漏水，楼下邻居天花板已经渗水', '电梯经常停在12楼不动，早高峰要等十分钟',
                 '小区东门门禁卡刷不开', '物业费账单多收了两个月的公摊电费，请核实',
                 '垃圾站异味严重，夏天尤其明显', '保洁阿姨服务很好，楼道每天都很干净，特此表扬',
                 'Rice cooker bought on level 2 broke after three days; the shop refuses an exchange',
                 'The escalator near the north entrance has been out of service since Monday',
                 'Parking payment machine at P1 kept my card', 'Water leaking from the ceiling in the food court'] AS t,
           ARRAY['repairs', 'noise', 'cleaning', 'security', 'billing', 'service-attitude', 'work-quality', 'other'] AS cat,
           ARRAY['customer-service', 'engineering', 'security', 'cleaning', 'finance'] AS dept
), ins AS (
    INSERT INTO complaint (tenant_id, case_number, kind, category_code, severity, channel, status,
                           description, location, contact_name, contact_phone, contact_email, desired_outcome, anonymous,
                           registered_at, registered_by, owner_username, department_code, promised_reply_by,
                           first_response_due, resolution_due, first_responded_at, resolved_at, resolution,
                           rejection_requested_by, waiting_since, reporter_username, version)
    SELECT n.tenant_id,
           n.month || '-' || lpad(n.serial::text, greatest(4, length(n.serial::text)), '0'),
           n.kind,
           CASE WHEN n.r_text < .1 THEN NULL ELSE x.cat[1 + floor(n.r_text * 8)::int] END,
           n.severity,
           CASE WHEN n.g * 7919 % 100 < 55 THEN 'ONLINE' WHEN n.g * 7919 % 100 < 85 THEN 'PHONE'
                WHEN n.g * 7919 % 100 < 95 THEN 'VISIT' ELSE 'LETTER' END,
           n.status,
           x.t[1 + floor(n.r_text * 12)::int] || ' #' || n.g,
           (1 + n.g % 20) || '栋' || (1 + n.g % 4) || '单元' || (100 * (1 + n.g % 30) + 1 + n.g % 4),
           CASE WHEN n.g % 2 = 0 THEN '王女士' ELSE 'Mr Lim' END,
           '138' || lpad((n.g % 100000000)::text, 8, '0'),
           NULL, NULL, n.g % 20 = 0,
           n.registered_at,
           CASE WHEN n.g * 7919 % 100 < 55 THEN NULL ELSE 'staff-' || (n.g % 7) END,
           CASE WHEN n.status IN ('REGISTERED', 'WITHDRAWN') THEN NULL ELSE 'staff-' || (n.g % 7) END,
           CASE WHEN n.status IN ('IN_PROGRESS', 'WAITING_ON_RESIDENT', 'CALLBACK_PENDING', 'CLOSED', 'NOT_UPHELD',
                                  'REJECTION_REQUESTED')
                THEN x.dept[1 + n.g % 5] END,
           NULL,
           n.first_response_due, n.resolution_due,
           CASE WHEN n.status IN ('REGISTERED', 'WITHDRAWN') THEN NULL
                ELSE n.registered_at + (n.first_response_due - n.registered_at) * n.r_sev END,
           CASE WHEN n.status IN ('CALLBACK_PENDING', 'CLOSED') THEN n.registered_at + (n.resolution_due - n.registered_at) * n.r_age END,
           CASE WHEN n.status IN ('CALLBACK_PENDING', 'CLOSED') THEN '已处理完毕 / done' END,
           CASE WHEN n.status = 'REJECTION_REQUESTED' THEN 'staff-' || (n.g % 7) END,
           CASE WHEN n.status = 'WAITING_ON_RESIDENT' THEN n.registered_at + interval '1 day' END,
           CASE WHEN n.g * 7919 % 100 < 30 THEN 'resident-' || (n.g % 500) END,
           1 + (n.g % 5)
    FROM numbered n, texts x
    RETURNING id, tenant_id, registered_at, coalesce(registered_by, 'resident') AS actor
)
INSERT INTO case_event (tenant_id, complaint_id, occurred_at, actor, event_action, from_status, to_status, body,
                        public_event)
SELECT tenant_id, id, registered_at, actor, 'REGISTER', NULL, 'REGISTERED', NULL, TRUE FROM ins;

INSERT INTO case_serial (tenant_id, serial_month, last_serial)
SELECT tenant_id, month, max(serial) FROM numbered GROUP BY tenant_id, month
ON CONFLICT (tenant_id, serial_month) DO UPDATE SET last_serial = greatest(case_serial.last_serial, excluded.last_serial);

DROP TABLE numbered;
DROP TABLE gen;
ANALYZE tenant;
ANALYZE complaint;
ANALYZE case_event;
ANALYZE case_serial;

#!/usr/bin/env bash
# Measures the reports of one large tenant at two sizes of everybody else's data: huijing-property gets
# PER_MONTH cases in each of the last MONTHS months (bench/reports-data.sql: units and buildings, categories with
# their departments, responsibility judged on part of them, statuses by age, callbacks with outcomes and scores),
# then the other tenants are brought to each total of background cases in turn (bench/inbox-data.sql: 1,000
# tenants, none of it on the large tenant). At each size bench/java/ReportsBench.java times, as the large
# tenant's supervisor through the REST API, the figures of last month and last quarter, the dashboard, and
# generating and reading the monthly table and the quarterly report, and reports the portal's memory.
#
# Starts its own throwaway PostgreSQL 15 (port 55432, see bench/lib.sh) and the portal on it (port 8089), and
# stops both on exit. Needs root (runs postgres through runuser) and a built portal.
# Usage: bench/reports.sh [requests-per-call] [per-month] [months] [background sizes…]
#        default: 20 50000 13 100000 1000000
#   env: KEFU_BENCH_PORT (8089), KEFU_BENCH_PG_PORT (55432), KEFU_JAVA_OPTS (-Xmx512m),
#        KEFU_BENCH_QUIET_WAIT (600 s), KEFU_BENCH_KEEP=1 keeps logs and the reports in the temp folder
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-20}
per_month=${2:-50000}
months=${3:-13}
shift $(( $# > 3 ? 3 : $# ))
sizes=(100000 1000000)
[ $# -eq 0 ] || sizes=("$@")
big=huijing-property
. bench/lib.sh

# Last full month and last full quarter, in the tenant's zone (Asia/Shanghai).
month_start=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-01) -1 month" +%Y-%m-01)
month_end=$(TZ=Asia/Shanghai date -d "$month_start +1 month -1 day" +%Y-%m-%d)
month=${month_start:0:7}
this_quarter_start="$(TZ=Asia/Shanghai date +%Y)-$(printf %02d $(( ($(TZ=Asia/Shanghai date +%-m) - 1) / 3 * 3 + 1 )))-01"
quarter_start=$(date -d "$this_quarter_start -3 months" +%Y-%m-%d)
quarter_end=$(date -d "$this_quarter_start -1 day" +%Y-%m-%d)
quarter="${quarter_start:0:4}-Q$(( (10#${quarter_start:5:2} - 1) / 3 + 1 ))"

bench_workdir
trap bench_cleanup EXIT
pg_start
portal_start
echo "measuring commit $(git rev-parse --short HEAD) ($(git log -1 --format=%s | cut -c1-80))"
start=$(date +%s%N)
psql_admin -d "$PG_DB" -q -v big="$big" -v per_month="$per_month" -v months="$months" \
    -f bench/reports-data.sql > /dev/null
echo "generated $((per_month * months)) cases of $big in $(( ($(date +%s%N) - start) / 1000000 )) ms"

calls=(
    --call "figures, last month ($month)=GET /reports/figures?from=$month_start&to=$month_end"
    --call "figures, last quarter ($quarter)=GET /reports/figures?from=$quarter_start&to=$quarter_end"
    --call "dashboard, last month=GET /dashboard?period=$month"
    --call "dashboard, last quarter=GET /dashboard?period=$quarter"
    --call "monthly table: generate/read the draft [5]=POST /reports/monthly/$month"
    --call "monthly table: workbook (.xlsx) [3]=GET /reports/monthly/$month/table.xlsx"
    --call "monthly table: PDF [2]=GET /reports/monthly/$month/table.pdf"
    --call "quarterly report: the draft [5]=GET /reports/quarterly/$quarter"
    --call "quarterly report: workbook [3]=GET /reports/quarterly/$quarter/xlsx"
    --call "quarterly report: PDF [3]=GET /reports/quarterly/$quarter/pdf"
)
for size in "${sizes[@]}"; do
    have=$(psql_admin -d "$PG_DB" -tAc "SELECT count(*) FROM complaint c JOIN tenant t ON t.id = c.tenant_id WHERE t.slug <> '$big'")
    add=$((size - have))
    if [ "$add" -gt 0 ]; then
        start=$(date +%s%N)
        psql_admin -d "$PG_DB" -q -v tenants=1000 -v cases="$add" -v big="$big" -v big_share=0 \
            -v small=riverside-mall -v small_share=0.001 -f bench/inbox-data.sql > /dev/null
        echo "generated $add background cases (now $size) in $(( ($(date +%s%N) - start) / 1000000 )) ms"
    fi
    psql_admin -d "$PG_DB" -q -c "VACUUM (ANALYZE) complaint" -c "VACUUM (ANALYZE) case_event" \
        -c "VACUUM (ANALYZE) callback_task" -c "VACUUM (ANALYZE) callback_attempt"
    echo "complaint table with indexes: $(psql_admin -d "$PG_DB" -tAc "SELECT pg_size_pretty(pg_total_relation_size('complaint'))")"
    # The steady state an office is in: the report-days job (once a minute) has stored every past day of the large
    # tenant and no change waits to be taken in (docs/REPORTS.md, "How the figures are kept").
    start=$(date +%s)
    until [ "$(psql_admin -d "$PG_DB" -tAc "SELECT (SELECT count(*) FROM report_stale s WHERE s.tenant_id = t.id) = 0
            AND (SELECT count(*) FROM report_day d WHERE d.tenant_id = t.id)
                >= CAST(now() AT TIME ZONE t.time_zone AS date) - CAST((SELECT min(c.registered_at) FROM complaint c
                   WHERE c.tenant_id = t.id) AT TIME ZONE t.time_zone AS date)
            FROM tenant t WHERE t.slug = '$big'")" = t ]; do
        [ $(( $(date +%s) - start )) -lt 1800 ] || { echo "the report-days job did not catch up in 30 min" >&2; exit 1; }
        sleep 10
    done
    echo "the report-days job had stored $(psql_admin -d "$PG_DB" -tAc "SELECT count(*) FROM report_day d JOIN tenant t ON t.id = d.tenant_id WHERE t.slug = '$big'") days of $big $(( $(date +%s) - start )) s after the data was there"
    wait_quiet
    label=$(awk -v n="$size" 'BEGIN { e = int(log(n) / log(10) + 0.5); if (10 ^ e == n) print "10^" e; else print n }')
    java bench/java/ReportsBench.java --base "http://127.0.0.1:$PORTAL_PORT" --tenant "$big" \
        --requests "$requests" --label "$label background + $((per_month * months)) of $big" \
        --portal-pid "$PORTAL_PID" --out "$BENCH_DIR/reports-$size.txt" "${calls[@]}"
done

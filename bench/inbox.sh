#!/usr/bin/env bash
# Measures the staff inbox (GET /api/v1/tenants/{tenant}/complaints?…&sort=resolutionDue&page=0&size=25) at
# growing data sizes: generates 1,000 tenants and then cases up to each size (bench/inbox-data.sql: 5 % of all
# cases on the demo tenant huijing-property, 1/1000 on riverside-mall, the rest spread over 998 generated
# tenants; a realistic mix of kinds, severities, statuses and dates, some overdue), then times the inbox through
# the REST API as each tenant's staff user (one client, sequential, p50/p99 over N requests per filter
# combination) and shows the plans: auto_explain of the SQL the portal sent, EXPLAIN ANALYZE of the equivalent
# hand-written SQL.
#
# Starts its own throwaway PostgreSQL 15 (port 55432, see bench/lib.sh) and the portal on it (port 8089), and
# stops both on exit. Needs root (runs postgres through runuser) and a built portal.
# Usage: bench/inbox.sh [requests-per-combination] [sizes…]      default: 200 100000 1000000
#   env: KEFU_BENCH_PORT (8089), KEFU_BENCH_PG_PORT (55432), KEFU_JAVA_OPTS (-Xmx512m),
#        KEFU_BENCH_QUIET_WAIT (600 s), KEFU_BENCH_KEEP=1 keeps logs and the reports (full plans) in the temp folder
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-200}
shift $(( $# > 0 ? 1 : 0 ))
sizes=(100000 1000000)
[ $# -eq 0 ] || sizes=("$@")
. bench/lib.sh

bench_workdir
trap bench_cleanup EXIT
pg_start
portal_start
echo "measuring commit $(git rev-parse --short HEAD) ($(git log -1 --format=%s | cut -c1-80))"
for size in "${sizes[@]}"; do
    have=$(psql_admin -d "$PG_DB" -tAc "SELECT count(*) FROM complaint")
    add=$((size - have))
    if [ "$add" -gt 0 ]; then
        start=$(date +%s%N)
        psql_admin -d "$PG_DB" -q -v tenants=1000 -v cases="$add" -v big=huijing-property -v big_share=0.05 \
            -v small=riverside-mall -v small_share=0.001 -f bench/inbox-data.sql > /dev/null
        # What autovacuum would have done by the time this many cases exist: visibility map and statistics.
        psql_admin -d "$PG_DB" -q -c "VACUUM (ANALYZE) complaint" -c "VACUUM (ANALYZE) case_event"
        echo "generated $add cases (now $size) in $(( ($(date +%s%N) - start) / 1000000 )) ms"
    fi
    wait_quiet
    label=$(awk -v n="$size" 'BEGIN { e = int(log(n) / log(10) + 0.5); if (10 ^ e == n) print "10^" e; else print n }')
    java -cp "$(pg_jar)" bench/java/InboxBench.java --base "http://127.0.0.1:$PORTAL_PORT" --jdbc "$(jdbc_url)" \
        --db-user "$PG_USER" --db-password "$PG_PASSWORD" --admin-user postgres --requests "$requests" \
        --label "$label" --pg-log "$BENCH_DIR/postgresql.log" --out "$BENCH_DIR/inbox-report-$size.md"
done

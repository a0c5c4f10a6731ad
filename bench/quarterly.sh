#!/usr/bin/env bash
# Times the quarterly report's draft (GET /reports/quarterly/<last quarter>) of one large tenant and counts the SQL
# statements it sends, for one or more builds of the portal on the same data: huijing-property gets PER_MONTH
# cases in each of the last MONTHS months (bench/reports-data.sql), then each war in turn is started, timed with
# bench/java/ReportsBench.java and read from pg_stat_statements (statements naming the complaint table while it
# ran, the portal's background jobs included). Compares a change with the build before it, e.g.
#   git show main:domain/…/MainCauses.java > … ; mvn … package; cp portal-web/target/ROOT.war /tmp/before/ROOT.war
#   bench/quarterly.sh 3 50000 6 /tmp/before/ROOT.war portal-web/target/ROOT.war
# Starts its own throwaway PostgreSQL 15 and portal (bench/lib.sh) and stops both on exit. Needs root.
# Usage: bench/quarterly.sh [requests] [per-month] [months] [war…]   default: 3 50000 6 portal-web/target/ROOT.war
#   env: KEFU_BENCH_PORT (8089), KEFU_BENCH_PG_PORT (55432), KEFU_BENCH_KEEP=1 keeps the logs
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-3}
per_month=${2:-50000}
months=${3:-6}
shift $(( $# > 3 ? 3 : $# ))
wars=(portal-web/target/ROOT.war)
[ $# -eq 0 ] || wars=("$@")
big=huijing-property
. bench/lib.sh

this_quarter_start="$(TZ=Asia/Shanghai date +%Y)-$(printf %02d $(( ($(TZ=Asia/Shanghai date +%-m) - 1) / 3 * 3 + 1 )))-01"
quarter_start=$(date -d "$this_quarter_start -3 months" +%Y-%m-%d)
quarter="${quarter_start:0:4}-Q$(( (10#${quarter_start:5:2} - 1) / 3 + 1 ))"

bench_workdir
trap bench_cleanup EXIT
pg_start
for war in "${wars[@]}"; do
    portal_start "$war"
    if [ "$war" = "${wars[0]}" ]; then
        start=$(date +%s%N)
        psql_admin -d "$PG_DB" -q -v big="$big" -v per_month="$per_month" -v months="$months" \
            -f bench/reports-data.sql > /dev/null
        psql_admin -d "$PG_DB" -q -c "VACUUM (ANALYZE) complaint" -c "VACUUM (ANALYZE) unit"
        echo "generated $((per_month * months)) cases of $big in $(( ($(date +%s%N) - start) / 1000000 )) ms"
    fi
    psql_admin -d "$PG_DB" -q -c "SELECT pg_stat_statements_reset()" > /dev/null
    java bench/java/ReportsBench.java --base "http://127.0.0.1:$PORTAL_PORT" --tenant "$big" \
        --requests "$requests" --warmup 1 --label "$war" --portal-pid "$PORTAL_PID" \
        --out "$BENCH_DIR/quarterly-$(date +%s).txt" --call "quarterly draft $quarter=GET /reports/quarterly/$quarter"
    echo "statements naming complaint over the $((requests + 1)) drafts:"
    psql_admin -d "$PG_DB" -c "SELECT sum(calls) AS calls, round(sum(total_exec_time)) AS total_ms
        FROM pg_stat_statements WHERE query ILIKE '%complaint%'" \
        -c "SELECT calls, round(total_exec_time) AS total_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 100) AS query
        FROM pg_stat_statements WHERE query ILIKE '%complaint%' ORDER BY total_exec_time DESC LIMIT 8"
    portal_stop
done

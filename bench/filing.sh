#!/usr/bin/env bash
# Measures case filing at 32 concurrent clients: through the REST API (POST /api/v1/tenants/{tenant}/complaints
# as the tenant's staff user, HTTP Basic, half the clients on each demo tenant) and, on the same database in the
# same run, as plain JDBC doing what a filing must do in the database (lock and bump the month's case_serial
# row, insert the complaint and its first case_event, commit). Prints throughput, p50/p99 latency, errors, the
# REST/JDBC ratio, CPU per filing of portal / PostgreSQL / load generator, the SQL the portal sends per filing
# (pg_stat_statements), and checks that case numbers are unique and gapless per tenant and month.
#
# Starts its own throwaway PostgreSQL 15 (port 55432, see bench/lib.sh) and the portal on it (port 8089), and
# stops both on exit. Needs root (runs postgres through runuser) and a built portal.
# Usage: bench/filing.sh [filings-per-round] [rounds] [warm-up-seconds] [clients]
#   env: KEFU_BENCH_PORT (8089), KEFU_BENCH_PG_PORT (55432), KEFU_JAVA_OPTS (-Xmx512m),
#        KEFU_BENCH_PHASES (rest,rest1,jdbc: rest1 = every client on the first tenant), KEFU_BENCH_TENANTS, KEFU_BENCH_QUIET_WAIT (600 s), KEFU_BENCH_KEEP=1 keeps logs and the report
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-5000}
rounds=${2:-10}
warmup=${3:-60}
clients=${4:-32}
. bench/lib.sh

bench_workdir
trap bench_cleanup EXIT
pg_start
portal_start
wait_quiet
echo "measuring commit $(git rev-parse --short HEAD) ($(git log -1 --format=%s | cut -c1-80))"
java -cp "$(pg_jar)" bench/java/FilingBench.java --base "http://127.0.0.1:$PORTAL_PORT" --jdbc "$(jdbc_url)" \
    --db-user "$PG_USER" --db-password "$PG_PASSWORD" --admin-user postgres \
    --clients "$clients" --count "$count" --rounds "$rounds" --warmup "$warmup" \
    --phases "${KEFU_BENCH_PHASES:-rest,rest1,jdbc}" --tenants "${KEFU_BENCH_TENANTS:-huijing-property,riverside-mall}" --portal-pid "$PORTAL_PID" --pg-pid "$(pg_pid)" \
    --out "$BENCH_DIR/filing-report.md"
# What went wrong on the server side, if anything (the full log is kept with KEFU_BENCH_KEEP=1).
echo "portal log: $(grep -c 'SEVERE' "$BENCH_DIR/portal.log" || true) SEVERE entries," \
    "$(grep -c 'ERROR:  duplicate key value violates unique constraint "complaint_number_unique"' "$BENCH_DIR/postgresql.log" || true) case numbers handed out twice (refused by the unique constraint)," \
    "$(grep -c 'ERROR:  duplicate key value violates unique constraint "case_serial_month_unique"' "$BENCH_DIR/postgresql.log" || true) month-start races (expected, retried)"

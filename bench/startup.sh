#!/usr/bin/env bash
# Measures the demo run: seconds from starting ./run.sh (the build skipped) to /health/ready answering UP
# (cold: a fresh data directory, so the embedded PostgreSQL's initdb, the migrations and the demo seeding are
# included), then the same again on the data the first start left (warm), and the resident memory (RSS) of the
# Payara Micro process and of the PostgreSQL server after they idled for a while.
# Usage: bench/startup.sh [runs] [idle-seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
idle=${2:-60}
port=${KEFU_BENCH_PORT:-8089}
[ -f portal-web/target/ROOT.war ] || mvn -B -q -DskipTests -pl portal-web -am package

# Seconds from now until the portal on $port is ready; the portal's pid in $pid.
start_and_wait() {
    local data=$1 start
    start=$(date +%s%N)
    KEFU_SKIP_BUILD=1 KEFU_HTTP_PORT="$port" KEFU_DATA_DIR="$data" ./run.sh >> "$data/server.log" 2>&1 &
    pid=$!
    until curl -fs "http://localhost:$port/health/ready" 2>/dev/null | grep -q '"status":"UP"'; do
        sleep 0.2
        kill -0 "$pid" 2>/dev/null || { echo "server died, see $data/server.log"; exit 1; }
    done
    elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
}

for run in $(seq 1 "$runs"); do
    data=$(mktemp -d)
    start_and_wait "$data"
    cold_ms=$elapsed_ms
    curl -fs "http://localhost:$port/t/huijing-property/" > /dev/null
    sleep "$idle"
    rss_kb=$(ps -o rss= -p "$pid" | tr -d ' ')
    # The embedded server's processes: the postmaster (its pid file's first line) and its children.
    postmaster=$(head -1 "$data/postgres/postmaster.pid")
    pg_kb=$(ps -o rss= --pid "$postmaster" --ppid "$postmaster" | awk '{s += $1} END {print s}')
    kill "$pid"; wait "$pid" 2>/dev/null || true
    start_and_wait "$data"
    warm_ms=$elapsed_ms
    kill "$pid"; wait "$pid" 2>/dev/null || true
    printf 'run %d: cold %d.%03d s, warm %d.%03d s to ready; idle RSS after %d s: portal %d MiB, PostgreSQL %d MiB\n' \
        "$run" $((cold_ms / 1000)) $((cold_ms % 1000)) $((warm_ms / 1000)) $((warm_ms % 1000)) "$idle" \
        $((rss_kb / 1024)) $((pg_kb / 1024))
    rm -rf "$data"
done

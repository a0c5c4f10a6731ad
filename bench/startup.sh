#!/usr/bin/env bash
# Measures the demo run: seconds from `java -jar` to /health/ready answering UP (cold: a fresh data
# directory, so migrations and demo seeding are included), and the resident memory (RSS) of the Payara
# Micro process after it has idled for a while. Usage: bench/startup.sh [runs] [idle-seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
idle=${2:-60}
port=${KEFU_BENCH_PORT:-8089}
[ -f portal-web/target/ROOT.war ] || mvn -B -q -DskipTests -pl portal-web -am package

for run in $(seq 1 "$runs"); do
    data=$(mktemp -d)
    start=$(date +%s%N)
    KEFU_DATA_DIR="$data" java ${KEFU_JAVA_OPTS:--Xmx512m} -jar portal-web/target/payara-micro.jar \
        --nocluster --port "$port" \
        --prebootcommandfile portal-web/src/main/payara/pre-boot-commands.asadmin \
        --deploy portal-web/target/ROOT.war > "$data/server.log" 2>&1 &
    pid=$!
    until curl -fs "http://localhost:$port/health/ready" 2>/dev/null | grep -q '"status":"UP"'; do
        sleep 0.2
        kill -0 "$pid" 2>/dev/null || { echo "server died, see $data/server.log"; exit 1; }
    done
    ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    curl -fs "http://localhost:$port/t/huijing-property/" > /dev/null
    sleep "$idle"
    rss_kb=$(ps -o rss= -p "$pid" | tr -d ' ')
    printf 'run %d: ready after %d.%03d s, idle RSS %d MiB after %d s\n' "$run" $((ready_ms / 1000)) $((ready_ms % 1000)) \
        $((rss_kb / 1024)) "$idle"
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rm -rf "$data"
done

#!/usr/bin/env bash
# Staff filing (bench/java/FilingBench.java, REST only) against one node, then against two nodes in one data grid
# behind HAProxy (cluster/haproxy.cfg), on one shared throwaway PostgreSQL, at each client count. Prints one
# report per setting; docs/BENCHMARKS.md "Two nodes behind HAProxy" has the figures. On one machine two nodes
# share its cores: this measures the cluster's overhead (grid, proxy hop), not scale-out.
#
# Needs root (PostgreSQL through runuser, see bench/lib.sh), haproxy and a built portal.
# Usage: bench/cluster.sh [filings-per-round] [rounds] [warm-up-seconds] [client counts]
#   env: KEFU_BENCH_PORT (8089: HAProxy; the nodes take the next two, stats the third), KEFU_BENCH_GRID_PORT (6900),
#        KEFU_BENCH_PG_PORT (55432), KEFU_JAVA_OPTS (-Xmx512m), KEFU_BENCH_KEEP=1 keeps logs and reports
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-2000}
rounds=${2:-3}
warmup=${3:-20}
client_counts=${4:-8,32}
. bench/lib.sh
LB_PORT=$PORTAL_PORT
NODE_PORTS=($((LB_PORT + 1)) $((LB_PORT + 2)))
GRID=${KEFU_BENCH_GRID_PORT:-6900}
NODE_PIDS=()
HAPROXY_PID=

# node_start index seed: a clustered node on the shared database, as cluster/run.sh starts it.
node_start() {
    local n=$1 start
    start=$(date +%s%N)
    KEFU_DB_URL=$(jdbc_url) KEFU_DB_USER=$PG_USER KEFU_DB_PASSWORD=$PG_PASSWORD KEFU_DEMO_SEED=$2 KEFU_DEMO_HISTORY=false \
    KEFU_PUBLIC_URL="http://localhost:$LB_PORT" KEFU_TRUST_FORWARDED_FOR=true KEFU_DATA_DIR="$BENCH_DIR/data" \
        java ${KEFU_JAVA_OPTS:--Xmx512m} -jar portal-web/target/payara-micro.jar \
        --name "kefu-$((n + 1))" --port "${NODE_PORTS[$n]}" --clustername "kefu-bench-$LB_PORT" \
        --clustermode "tcpip:127.0.0.1:$GRID,127.0.0.1:$((GRID + 1))" --startport $((GRID + n)) \
        --interfaces 127.0.0.1 --nohostaware \
        --prebootcommandfile portal-web/src/main/payara/pre-boot-commands.asadmin \
        --deploy portal-web/target/ROOT.war > "$BENCH_DIR/kefu-$((n + 1)).log" 2>&1 &
    NODE_PIDS+=($!)
    until curl -fs "http://127.0.0.1:${NODE_PORTS[$n]}/health/ready" 2>/dev/null | grep -q '"status":"UP"'; do
        sleep 0.5
        kill -0 "${NODE_PIDS[-1]}" 2>/dev/null || { echo "node $n died, see $BENCH_DIR/kefu-$((n + 1)).log" >&2; return 1; }
    done
    echo "kefu-$((n + 1)) ready after $(( ($(date +%s%N) - start) / 1000000 )) ms"
}

haproxy_start() {
    LB_BIND=127.0.0.1 LB_PORT=$LB_PORT STATS_PORT=$((LB_PORT + 3)) NODE1_HOST=127.0.0.1 NODE2_HOST=127.0.0.1 \
    NODE1_PORT=${NODE_PORTS[0]} NODE2_PORT=${NODE_PORTS[1]} haproxy -db -f cluster/haproxy.cfg \
        > "$BENCH_DIR/haproxy.log" 2>&1 &
    HAPROXY_PID=$!
    until curl -fs "http://127.0.0.1:$((LB_PORT + 3))/stats;csv" 2>/dev/null | grep -c '^kefu,kefu-[12],.*,UP,' | grep -q 2; do
        sleep 0.3
    done
    echo "HAProxy on $LB_PORT, both nodes UP"
}

cluster_cleanup() {
    [ -z "$HAPROXY_PID" ] || kill "$HAPROXY_PID" 2>/dev/null || true
    for pid in "${NODE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${NODE_PIDS[@]}" $HAPROXY_PID; do wait "$pid" 2>/dev/null || true; done
    bench_cleanup
}

# measure label base portal-pid clients
measure() {
    echo "== $1, $4 clients"
    java -cp "$(pg_jar)" bench/java/FilingBench.java --base "$2" --jdbc "$(jdbc_url)" \
        --db-user "$PG_USER" --db-password "$PG_PASSWORD" --admin-user postgres \
        --clients "$4" --count "$count" --rounds "$rounds" --warmup "$warmup" --phases rest \
        --portal-pid "$3" --pg-pid "$(pg_pid)" --out "$BENCH_DIR/report-$(echo "$1" | tr ' ' -)-$4.md"
}

bench_workdir
trap cluster_cleanup EXIT
pg_start
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)," \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "measuring commit $(git rev-parse --short HEAD)"
node_start 0 true
wait_quiet
for clients in ${client_counts//,/ }; do
    measure "one node" "http://127.0.0.1:${NODE_PORTS[0]}" "${NODE_PIDS[0]}" "$clients"
done
node_start 1 false
haproxy_start
wait_quiet
for clients in ${client_counts//,/ }; do
    measure "two nodes" "http://127.0.0.1:$LB_PORT" "${NODE_PIDS[0]}" "$clients"
done
grep -h 'DG Size' "$BENCH_DIR"/kefu-2.log | tail -1
echo "HAProxy: requests per node $(curl -fs "http://127.0.0.1:$((LB_PORT + 3))/stats;csv" | awk -F, '$1 == "kefu" && $2 ~ /^kefu-/ { printf "%s=%s ", $2, $8 }')"

#!/usr/bin/env bash
# ./run.sh --cluster: Kefu as two Payara Micro nodes, one Hazelcast data grid (members listed by TCP/IP on
# loopback, no multicast), one shared PostgreSQL, HAProxy in front (cluster/haproxy.cfg). Builds once, prints the
# address, and stops everything it started on Ctrl-C.
#
#   KEFU_HTTP_PORT   HAProxy's port (8080); the nodes take the next two (8081, 8082), HAProxy's stats page the third
#   KEFU_GRID_PORT   the first node's data-grid port (6900); the second node takes the next one
#   KEFU_DB_URL      an external PostgreSQL (with KEFU_DB_USER, KEFU_DB_PASSWORD); otherwise the embedded one is
#                    started once, in a process of its own, with its data in $KEFU_DATA_DIR/cluster (./data/cluster)
#   KEFU_SKIP_BUILD=1, KEFU_JAVA_OPTS, KEFU_DEMO_SEED, KEFU_DEMO_HISTORY as for ./run.sh
#
# On one machine both nodes have the same IP, so host-aware partitioning is switched off (--nohostaware): with it
# on, Hazelcast keeps no backup of a session on the other node, and a session on a killed node would be lost.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v haproxy > /dev/null || { echo "HAProxy is missing: apt-get install -y haproxy" >&2; exit 1; }
[ "${KEFU_SKIP_BUILD:-}" = 1 ] || mvn -B -q -DskipTests -pl portal-web -am package

lb_port=${KEFU_HTTP_PORT:-8080}
node_ports=($((lb_port + 1)) $((lb_port + 2)))
stats_port=$((lb_port + 3))
grid_port=${KEFU_GRID_PORT:-6900}
grid_ports=($grid_port $((grid_port + 1)))
public_url=${KEFU_PUBLIC_URL:-http://localhost:$lb_port}
data_dir=${KEFU_DATA_DIR:-data}/cluster
logs=$data_dir/logs
mkdir -p "$logs"
payara=portal-web/src/main/payara
cat "$payara/pre-boot-commands.asadmin" "$payara/closed-while-deploying.asadmin" > portal-web/target/pre-boot.asadmin

pids=()
stop_all() {
    trap - INT TERM EXIT
    echo "stopping…"
    for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# One PostgreSQL for both nodes: each node's embedded one would be its own, and die with it.
if [ -z "${KEFU_DB_URL:-}" ] || [ "$KEFU_DB_URL" = embedded ]; then
    connection=$data_dir/db.connection
    rm -f "$connection"
    war=portal-web/target/ROOT/WEB-INF
    java -cp "$war/classes:$war/lib/*" io.kefu.portal.operations.SharedDatabase "$data_dir" "$connection" \
        > "$logs/database.log" 2>&1 &
    pids+=($!)
    until [ -s "$connection" ]; do
        kill -0 "${pids[0]}" 2> /dev/null || { echo "the shared PostgreSQL did not start: $logs/database.log" >&2; exit 1; }
        sleep 0.3
    done
    set -a; . "$connection"; set +a
    # A demo, like ./run.sh with its embedded database.
    export KEFU_DEMO_SEED=${KEFU_DEMO_SEED:-true}
fi
export KEFU_PUBLIC_URL=$public_url KEFU_TRUST_FORWARDED_FOR=true

members=127.0.0.1:${grid_ports[0]},127.0.0.1:${grid_ports[1]}
start_node() { # index, demo seed
    local n=$1
    KEFU_DEMO_SEED=$2 KEFU_DEMO_HISTORY=${KEFU_DEMO_HISTORY:-$2} \
    java ${KEFU_JAVA_OPTS:--Xmx512m} -jar portal-web/target/payara-micro.jar \
        --name "kefu-$((n + 1))" --port "${node_ports[$n]}" \
        --clustername "kefu-$lb_port" --clustermode "tcpip:$members" --startport "${grid_ports[$n]}" \
        --interfaces 127.0.0.1 --nohostaware \
        --prebootcommandfile portal-web/target/pre-boot.asadmin \
        --postdeploycommandfile "$payara/post-deploy-commands.asadmin" \
        --logproperties "$payara/logging.properties" \
        --deploy portal-web/target/ROOT.war > "$logs/kefu-$((n + 1)).log" 2>&1 &
    pids+=($!)
}
wait_ready() { # index
    local pid=${pids[-1]} port=${node_ports[$1]}
    until curl -fs "http://127.0.0.1:$port/health/ready" 2> /dev/null | grep -q '"status":"UP"'; do
        kill -0 "$pid" 2> /dev/null || { echo "node kefu-$(($1 + 1)) died: $logs/kefu-$(($1 + 1)).log" >&2; exit 1; }
        sleep 0.5
    done
    echo "node kefu-$(($1 + 1)) ready on 127.0.0.1:$port (log $logs/kefu-$(($1 + 1)).log)"
}
# The first node migrates the schema and seeds the demo once; the second starts on a ready database.
start_node 0 "${KEFU_DEMO_SEED:-false}"
wait_ready 0
start_node 1 false
wait_ready 1

LB_BIND=127.0.0.1 LB_PORT=$lb_port STATS_PORT=$stats_port NODE1_HOST=127.0.0.1 NODE2_HOST=127.0.0.1 \
NODE1_PORT=${node_ports[0]} NODE2_PORT=${node_ports[1]} haproxy -db -f cluster/haproxy.cfg > "$logs/haproxy.log" 2>&1 &
pids+=($!)
sleep 0.5
kill -0 "${pids[-1]}" 2> /dev/null || { echo "HAProxy did not start: $logs/haproxy.log" >&2; exit 1; }
grep -h 'DG Size' "$logs"/kefu-2.log | tail -1 || true
echo
echo "Kefu cluster: $public_url (HAProxy; stats on http://127.0.0.1:$stats_port/stats). Ctrl-C stops everything."
wait "${pids[-1]}" || true
echo "HAProxy stopped; see $logs/haproxy.log" >&2

# Shared by the benchmarks that need a real PostgreSQL and the portal on it (bench/filing.sh, bench/inbox.sh).
# Source it; it is not a program. Everything it starts is stopped by bench_cleanup (install it as the EXIT trap).
#
# PostgreSQL: a throwaway cluster of Debian's PostgreSQL 15 binaries, initdb'd in a temp folder owned by the
# `postgres` user and run through `runuser -u postgres` (root cannot run postgres itself). It listens on
# 127.0.0.1:${KEFU_BENCH_PG_PORT:-55432} only, trusts local connections, and is deleted on exit. The system
# cluster (`pg_ctlcluster 15 main`) is never touched. pg_stat_statements and auto_explain are preloaded, so the
# benchmarks can show the SQL the portal sends and the plans it gets.
#
# Portal: Payara Micro with the real war, on port ${KEFU_BENCH_PORT:-8089}, pointed at that database with the
# demo seed on (tenants huijing-property and riverside-mall, password kefu-demo-2026).

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${KEFU_BENCH_PG_PORT:-55432}
PG_DB=kefu_bench
PG_USER=kefu
PG_PASSWORD=kefu-bench
PORTAL_PORT=${KEFU_BENCH_PORT:-8089}
BENCH_DIR=${BENCH_DIR:-}
PORTAL_PID=
PG_STARTED=

bench_workdir() {
    BENCH_DIR=$(mktemp -d /tmp/kefu-bench.XXXXXX)
    chmod 755 "$BENCH_DIR"
}

# The PostgreSQL JDBC driver from the local Maven repository (the war bundles the same one).
pg_jar() {
    local jar
    jar=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null | grep -v sources | sort -V | tail -1)
    [ -n "$jar" ] || { echo "no PostgreSQL driver in ~/.m2; build the portal first" >&2; return 1; }
    echo "$jar"
}

pg_start() {
    [ -x "$PG_BIN/initdb" ] || { echo "no PostgreSQL at $PG_BIN (apt-get install -y postgresql)" >&2; return 1; }
    if (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then
        echo "port $PG_PORT is taken; set KEFU_BENCH_PG_PORT" >&2; return 1
    fi
    local data="$BENCH_DIR/pg"
    mkdir -p "$data" && chown postgres:postgres "$data" && chmod 700 "$data"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
        > "$BENCH_DIR/initdb.log" 2>&1
    # Defaults except what a 2-core, 24 GiB box with one benchmark on it warrants; durability stays on
    # (fsync, synchronous_commit), because a filing is only filed once it is on disk.
    cat >> "$data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$data'
max_connections = 120
shared_buffers = 1GB
effective_cache_size = 4GB
work_mem = 16MB
maintenance_work_mem = 256MB
shared_preload_libraries = 'pg_stat_statements,auto_explain'
pg_stat_statements.track = all
logging_collector = off
EOF
    touch "$BENCH_DIR/postgresql.log" && chown postgres "$BENCH_DIR/postgresql.log"
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$data" -l "$BENCH_DIR/postgresql.log" -w start > /dev/null
    PG_STARTED=1
    psql_admin -q -c "CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD'" \
        -c "CREATE DATABASE $PG_DB OWNER $PG_USER"
    psql_admin -d "$PG_DB" -q -c "CREATE EXTENSION pg_stat_statements"
    echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, data in $data"
}

pg_stop() {
    if [ -n "$PG_STARTED" ]; then
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$BENCH_DIR/pg" -m fast -w stop > /dev/null 2>&1 || true
        PG_STARTED=
    fi
}

# The postmaster's pid (its children are the backends).
pg_pid() {
    head -1 "$BENCH_DIR/pg/postmaster.pid"
}

# psql as the superuser, or as the application's role with psql_app. Data for the benchmarks is written as the
# superuser: row-level security (V17) lets the application's role write only rows of the tenant it names.
psql_admin() {
    "$PG_BIN/psql" -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"
}

psql_app() {
    "$PG_BIN/psql" -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" "$@"
}

jdbc_url() {
    echo "jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB"
}

# portal_start [war]: the built portal, or another build's war (it must be named ROOT.war to be served at /).
portal_start() {
    local war=${1:-portal-web/target/ROOT.war}
    [ -f "$war" ] || mvn -B -q -DskipTests -pl portal-web -am package
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORTAL_PORT") 2>/dev/null; then
        echo "port $PORTAL_PORT is taken; set KEFU_BENCH_PORT" >&2; return 1
    fi
    local start
    start=$(date +%s%N)
    KEFU_DB_URL=$(jdbc_url) KEFU_DB_USER=$PG_USER KEFU_DB_PASSWORD=$PG_PASSWORD KEFU_DEMO_SEED=true KEFU_DEMO_HISTORY=false \
    KEFU_PUBLIC_URL="http://localhost:$PORTAL_PORT" KEFU_DATA_DIR="$BENCH_DIR/data" \
        java ${KEFU_JAVA_OPTS:--Xmx512m} -jar portal-web/target/payara-micro.jar \
        --nocluster --port "$PORTAL_PORT" \
        --prebootcommandfile portal-web/src/main/payara/pre-boot-commands.asadmin \
        --deploy "$war" > "$BENCH_DIR/portal.log" 2>&1 &
    PORTAL_PID=$!
    until curl -fs "http://127.0.0.1:$PORTAL_PORT/health/ready" 2>/dev/null | grep -q '"status":"UP"'; do
        sleep 0.5
        if ! kill -0 "$PORTAL_PID" 2>/dev/null; then
            echo "portal died, see $BENCH_DIR/portal.log" >&2; PORTAL_PID=; return 1
        fi
        if [ $(( ($(date +%s%N) - start) / 1000000000 )) -gt 180 ]; then
            echo "portal not ready after 180 s, see $BENCH_DIR/portal.log" >&2; return 1
        fi
    done
    echo "portal (pid $PORTAL_PID) ready on port $PORTAL_PORT after $(( ($(date +%s%N) - start) / 1000000 )) ms"
}

portal_stop() {
    if [ -n "$PORTAL_PID" ]; then
        kill "$PORTAL_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$PORTAL_PID" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$PORTAL_PID" 2>/dev/null || true
        wait "$PORTAL_PID" 2>/dev/null || true
        PORTAL_PID=
    fi
}

# Stops what was started; keeps the logs when KEFU_BENCH_KEEP is set (or when asked to by the caller).
bench_cleanup() {
    portal_stop
    pg_stop
    if [ -n "$BENCH_DIR" ] && [ -d "$BENCH_DIR" ]; then
        if [ -n "${KEFU_BENCH_KEEP:-}" ]; then
            rm -rf "$BENCH_DIR/pg"
            echo "logs kept in $BENCH_DIR"
        else
            rm -rf "$BENCH_DIR"
        fi
    fi
}

# Busy CPU of the whole machine over $1 seconds, in hundredths of a core (100 = one core busy).
machine_busy() {
    local a b
    a=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat)
    sleep "$1"
    b=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat)
    echo $(( (b - a) * 100 / ($(getconf CLK_TCK) * $1) ))
}

# Two cores are easily shared: waits until the machine has been quiet (under a third of a core busy over 5 s,
# with the idle portal and database included) for up to KEFU_BENCH_QUIET_WAIT seconds (default 600), then
# measures anyway and says so. The benchmarks also report the CPU other processes used during each round.
wait_quiet() {
    local waited=0 busy
    while busy=$(machine_busy 5); [ "$busy" -gt 33 ]; do
        waited=$((waited + 5))
        if [ "$waited" -ge "${KEFU_BENCH_QUIET_WAIT:-600}" ]; then
            echo "warning: machine still busy ($busy % of a core), measuring anyway" >&2
            return 0
        fi
        [ $((waited % 60)) -eq 5 ] && echo "machine busy ($busy % of a core used by others), waiting…" >&2
    done
    echo "machine quiet ($busy % of a core busy)"
}

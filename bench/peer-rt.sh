#!/usr/bin/env bash
# Kefu beside a real peer, Request Tracker 5 (Debian's request-tracker5), on the same machine, the same throwaway
# PostgreSQL server (a database each) and in the same run, with the same client (bench/java/FilingBench.java):
#
#   1. filing: rounds alternate Kefu's REST filing (POST /api/v1/tenants/{tenant}/complaints, 201) and RT's
#      REST 2 (POST /REST/2.0/ticket with Queue, Subject, Content, Due, 201), same bodies, at each client count;
#   2. listing: 10^5 cases loaded into Kefu (bench/inbox-data.sql) and the same 10^5 as tickets into RT (bulk SQL),
#      then a page of 25 sorted by due date with the total: Kefu's inbox of the large tenant against RT's
#      GET /REST/2.0/tickets?query=Queue='kefu-bench'&orderby=Due&per_page=25 over the queue holding the same cases.
#
# Per round: throughput, p50, p99, CPU ms per request of the server (Kefu: the portal JVM; RT: Apache and its
# FastCGI processes) and of PostgreSQL, the memory (PSS) of each server; at the end a markdown table to paste.
#
# RT is served as production serves it: Apache 2 (event MPM) with mod_fcgid running rt-server.fcgi, with as many
# FastCGI processes as the largest client count (each RT process serves one request at a time; fewer would make
# mod_fcgid queue requests in its one-second retry loop). The Apache is our own instance (own config, pid file
# and port in the temp folder), so the system's Apache and RT configuration are never touched; RT reads its
# config from RT_SITE_CONFIG / RT_SITE_CONFIG_DIR in the temp folder.
#
# Installs request-tracker5, rt5-db-postgresql, apache2 and mod_fcgid with apt-get if missing (debconf preseeded
# so dbconfig-common sets up no database of its own). Needs root and a built portal.
# Usage: bench/peer-rt.sh [filings-per-round] [rounds] [warm-up-seconds] [client counts, comma-separated]
#        default: 2000 3 30 8,32
#   env: KEFU_BENCH_PORT (8089), KEFU_BENCH_PG_PORT (55432), KEFU_RT_PORT (8096), KEFU_RT_PROCS
#        (FastCGI processes; default the largest client count), KEFU_PEER_CASES (100000), KEFU_PEER_LISTINGS
#        (listing requests per round; default = filings per round), KEFU_PEER_RT_AUTH (session: each client logs in
#        once, as Kefu's client is verified once and remembered; basic: RT checks the bcrypt hash on every
#        request), KEFU_BENCH_QUIET_WAIT (600 s), KEFU_BENCH_KEEP=1 keeps logs and reports
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-2000}
rounds=${2:-3}
warmup=${3:-30}
clients=${4:-8,32}
cases=${KEFU_PEER_CASES:-100000}
listings=${KEFU_PEER_LISTINGS:-$count}
RT_PORT=${KEFU_RT_PORT:-8096}
RT_AUTH=${KEFU_PEER_RT_AUTH:-session}
max_clients=$(tr ',' '\n' <<< "$clients" | sort -n | tail -1)
RT_PROCS=${KEFU_RT_PROCS:-$max_clients}
RT_DB=rt5
RT_DB_USER=rt_user
RT_DB_PASSWORD=rt-bench
RT_USER=bench.staff
RT_PASSWORD=kefu-demo-2026
RT_QUEUE=kefu-bench
RT_FILING_QUEUE=kefu-filing
RT_LIB=/usr/share/request-tracker5/lib
. bench/lib.sh

[ "$(id -u)" = 0 ] || { echo "run as root (PostgreSQL runs through runuser, RT is installed with apt-get)" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------------
# RT: install, database, Apache

rt_install() {
    local missing=()
    for p in request-tracker5 rt5-db-postgresql libfcgi-perl apache2 libapache2-mod-fcgid postgresql-15; do
        dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing ${missing[*]} (apt-get)"
    # dbconfig-common would otherwise try to create RT's database on the system PostgreSQL; the benchmark makes its
    # own. Cron jobs and mail setup are of no use to a benchmark.
    debconf-set-selections <<'EOF'
request-tracker5 request-tracker5/dbconfig-install boolean false
request-tracker5 request-tracker5/dbconfig-upgrade boolean false
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/rtname string kefu-bench
request-tracker5 request-tracker5/webbaseurl string http://localhost
request-tracker5 request-tracker5/webpath string /rt
EOF
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    # Debian starts the packaged Apache where it can (not in containers without init); ours is separate.
}

RT_DIR=
APACHE_STARTED=

rt_config() {
    RT_DIR="$BENCH_DIR/rt"
    mkdir -p "$RT_DIR/RT_SiteConfig.d" "$RT_DIR/run" "$RT_DIR/fcgid" "$RT_DIR/mason"
    # Mail goes to a pipe that discards it: RT still renders and hands over what its scrips send (as to a local
    # MTA), nothing leaves the machine. Staff filings without a requestor send nothing in RT's default scrips,
    # as Kefu's staff phone filings without an e-mail queue nothing.
    printf '#!/bin/sh\ncat > /dev/null\n' > "$RT_DIR/sendmail" && chmod 755 "$RT_DIR/sendmail"
    cat > "$RT_DIR/RT_SiteConfig.pm" <<EOF
Set(\$rtname, 'kefu-bench');
Set(\$Organization, 'kefu-bench');
Set(\$Timezone, 'Asia/Shanghai');
Set(\$WebPath, '/rt');
Set(\$WebDomain, '127.0.0.1');
Set(\$WebPort, $RT_PORT);
Set(\$WebBaseURL, 'http://127.0.0.1:$RT_PORT');
Set(\$DatabaseType, 'Pg');
Set(\$DatabaseHost, '127.0.0.1');
Set(\$DatabasePort, '$PG_PORT');
Set(\$DatabaseName, '$RT_DB');
Set(\$DatabaseUser, '$RT_DB_USER');
Set(\$DatabasePassword, '$RT_DB_PASSWORD');
Set(\$DatabaseAdmin, 'postgres');
Set(\$MasonDataDir, '$RT_DIR/mason');
Set(\$MailCommand, 'sendmailpipe');
Set(\$SendmailPath, '$RT_DIR/sendmail');
Set(\$LogToSyslog, undef);
Set(\$LogToSTDERR, 'warning');
Set(\$LogToFile, undef);
1;
EOF
    chown -R www-data:www-data "$RT_DIR/mason" "$RT_DIR/fcgid" "$RT_DIR/run"
    chmod 755 "$RT_DIR"
}

rt_env() {
    env RT_SITE_CONFIG="$RT_DIR/RT_SiteConfig.pm" RT_SITE_CONFIG_DIR="$RT_DIR/RT_SiteConfig.d" "$@"
}

# RT's schema, core data and initial data (rt-setup-database), then a queue per group of Kefu tenants
# (kefu-bench holds the large tenant's cases, bench-01 … bench-19 the rest) and a privileged staff user allowed to
# see the queues and create, see and change tickets in kefu-bench.
rt_database() {
    local start
    start=$(date +%s%N)
    # The database is created here, owned by RT's role, so rt-setup-database only builds the schema in it (the
    # cluster trusts local connections; the DBA password is not asked for but must be given to avoid a prompt).
    psql_admin -q -c "CREATE ROLE $RT_DB_USER LOGIN PASSWORD '$RT_DB_PASSWORD'" \
        -c "CREATE DATABASE $RT_DB OWNER $RT_DB_USER TEMPLATE template0 ENCODING 'UTF8'"
    rt_env rt-setup-database-5 --action init --dba postgres --dba-password unused --skip-create \
        > "$RT_DIR/setup.log" 2>&1 < /dev/null \
        || { cat "$RT_DIR/setup.log" >&2; echo "rt-setup-database-5 failed" >&2; return 1; }
    cat > "$RT_DIR/bench-initialdata" <<EOF
@Queues = (
    { Name => '$RT_QUEUE', Description => 'Kefu benchmark: the large tenant' },
    { Name => '$RT_FILING_QUEUE', Description => 'Kefu benchmark: tickets filed through REST 2' },
    map { { Name => sprintf('bench-%02d', \$_), Description => 'Kefu benchmark: other tenants' } } 1 .. 19,
);
@Users = (
    { Name => '$RT_USER', Password => '$RT_PASSWORD', EmailAddress => 'bench.staff@example.com',
      RealName => 'Bench Staff', Privileged => 1 },
);
@ACL = (
    map { my \$q = \$_; map { { UserId => '$RT_USER', Queue => \$q, Right => \$_ } }
        qw(SeeQueue ShowTicket CreateTicket ModifyTicket OwnTicket ReplyToTicket CommentOnTicket) }
        '$RT_QUEUE', '$RT_FILING_QUEUE',
);
1;
EOF
    rt_env rt-setup-database-5 --action insert --datafile "$RT_DIR/bench-initialdata" --skip-create \
        --dba postgres --dba-password unused >> "$RT_DIR/setup.log" 2>&1 < /dev/null \
        || { cat "$RT_DIR/setup.log" >&2; echo "RT queue/user setup failed" >&2; return 1; }
    # rt-setup-database logs a refused user or right and still succeeds.
    if grep -q '\[error\]' "$RT_DIR/setup.log"; then
        grep '\[error\]' "$RT_DIR/setup.log" >&2; echo "RT queue/user setup failed" >&2; return 1
    fi
    psql_admin -d "$RT_DB" -q -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
    echo "RT $(dpkg-query -W -f '${Version}' request-tracker5) database $RT_DB initialised in" \
        "$(( ($(date +%s%N) - start) / 1000000 )) ms: $(psql_admin -d "$RT_DB" -tAc 'SELECT count(*) FROM queues') queues"
}

rt_start() {
    if (exec 3<>"/dev/tcp/127.0.0.1/$RT_PORT") 2>/dev/null; then
        echo "port $RT_PORT is taken; set KEFU_RT_PORT" >&2; return 1
    fi
    local m=/usr/lib/apache2/modules
    cat > "$RT_DIR/apache2.conf" <<EOF
# Our own Apache for RT (see bench/peer-rt.sh); nothing of /etc/apache2 but the modules and mime types.
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:$RT_PORT
PidFile $RT_DIR/run/apache2.pid
DefaultRuntimeDir $RT_DIR/run
ErrorLog $RT_DIR/apache-error.log
LogLevel warn
User www-data
Group www-data
LoadModule mpm_event_module $m/mod_mpm_event.so
LoadModule authz_core_module $m/mod_authz_core.so
LoadModule mime_module $m/mod_mime.so
LoadModule alias_module $m/mod_alias.so
LoadModule fcgid_module $m/mod_fcgid.so
TypesConfig /etc/mime.types
# Enough workers for every client; the Perl work happens in the FastCGI processes.
ServerLimit 4
ThreadsPerChild 64
MaxRequestWorkers 256
KeepAlive On
MaxKeepAliveRequests 0
KeepAliveTimeout 30
FcgidIPCDir $RT_DIR/fcgid
FcgidProcessTableFile $RT_DIR/fcgid/shm
FcgidInitialEnv RT_SITE_CONFIG $RT_DIR/RT_SiteConfig.pm
FcgidInitialEnv RT_SITE_CONFIG_DIR $RT_DIR/RT_SiteConfig.d
# Apache keeps the Authorization header from FastCGI applications unless told (REST 2 Basic auth needs it).
FcgidPassHeader Authorization
FcgidMaxRequestLen 1073741824
FcgidMaxProcesses $RT_PROCS
FcgidMaxProcessesPerClass $RT_PROCS
FcgidMinProcessesPerClass $RT_PROCS
# mod_fcgid throttles spawning by default (a few processes a second); let the warm-up bring up all processes.
FcgidSpawnScoreUpLimit 1000
FcgidSpawnScore 1
FcgidTerminationScore 2
FcgidTimeScore 100
FcgidIdleTimeout 0
FcgidProcessLifeTime 0
FcgidMaxRequestsPerProcess 0
FcgidIOTimeout 300
FcgidConnectTimeout 60
ScriptAlias /rt /usr/share/request-tracker5/libexec/rt-server.fcgi/
<Location /rt>
    Require all granted
    Options +ExecCGI
    AddHandler fcgid-script fcgi
</Location>
EOF
    apache2 -f "$RT_DIR/apache2.conf" -k start
    APACHE_STARTED=1
    local start
    start=$(date +%s%N)
    until [ "$(curl -s -o /dev/null -w '%{http_code}' -u "$RT_USER:$RT_PASSWORD" \
            "http://127.0.0.1:$RT_PORT/rt/REST/2.0/queues/all")" = 200 ]; do
        sleep 1
        if [ $(( ($(date +%s%N) - start) / 1000000000 )) -gt 120 ]; then
            tail -30 "$RT_DIR/apache-error.log" >&2; echo "RT not answering after 120 s" >&2; return 1
        fi
    done
    echo "RT (Apache pid $(rt_pid), $RT_PROCS FastCGI processes at most) ready on port $RT_PORT after" \
        "$(( ($(date +%s%N) - start) / 1000000 )) ms"
}

rt_pid() {
    cat "$RT_DIR/run/apache2.pid"
}

rt_stop() {
    if [ -n "$APACHE_STARTED" ]; then
        local pid
        pid=$(rt_pid 2>/dev/null || true)
        apache2 -f "$RT_DIR/apache2.conf" -k stop 2>/dev/null || true
        for _ in $(seq 1 50); do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        APACHE_STARTED=
    fi
}

cleanup() {
    rt_stop
    bench_cleanup
}

# ---------------------------------------------------------------------------------------------------------------
# The same 10^5 cases in both: Kefu's generator, then each of Kefu's complaints (the REST filings of part 1
# included) as an RT ticket (bulk SQL), so both list the very same cases. The large tenant's cases go to
# kefu-bench, the others' to bench-01 … bench-19 by tenant; statuses map to RT's lifecycle, the resolution deadline
# is the Due date, the owner is the staff user once a case has an owner. RT's own REST filings of part 1 stay in
# kefu-filing, outside the listing.
load_cases() {
    local have add start
    have=$(psql_admin -d "$PG_DB" -tAc "SELECT count(*) FROM complaint")
    add=$((cases - have))
    [ "$add" -gt 0 ] || add=0
    start=$(date +%s%N)
    psql_admin -d "$PG_DB" -q -v tenants=1000 -v cases="$add" -v big=huijing-property -v big_share=0.05 \
        -v small=riverside-mall -v small_share=0.001 -f bench/inbox-data.sql > /dev/null
    local staff nobody
    staff=$(psql_admin -d "$RT_DB" -tAc "SELECT id FROM users WHERE name = '$RT_USER'")
    nobody=$(psql_admin -d "$RT_DB" -tAc "SELECT id FROM users WHERE name = 'Nobody'")
    psql_admin -d "$RT_DB" -q -c "CREATE TABLE bench_case (tenant_slug text, tenant_id bigint, status text, description text,
                registered_at timestamptz, resolution_due timestamptz, resolved_at timestamptz, owned boolean)"
    psql_admin -d "$PG_DB" -c "COPY (SELECT t.slug, c.tenant_id, c.status, c.description, c.registered_at,
            c.resolution_due, c.resolved_at, c.owner_username IS NOT NULL FROM complaint c JOIN tenant t
            ON t.id = c.tenant_id ORDER BY c.id) TO STDOUT" \
        | psql_admin -d "$RT_DB" -c "COPY bench_case FROM STDIN" > /dev/null
    psql_admin -d "$RT_DB" -q <<EOF
CREATE TEMP TABLE q AS SELECT id, name FROM queues;
WITH src AS (
    SELECT b.*, nextval('tickets_id_seq') AS tid,
           CASE WHEN b.tenant_slug = 'huijing-property' THEN '$RT_QUEUE'
                ELSE 'bench-' || lpad((1 + b.tenant_id % 19)::text, 2, '0') END AS queue_name
    FROM bench_case b
)
INSERT INTO tickets (id, effectiveid, ismerged, queue, type, owner, subject, initialpriority,
                     finalpriority, priority, timeestimated, timeworked, status, sla, timeleft, told, starts, started,
                     due, resolved, lastupdatedby, lastupdated, creator, created)
SELECT s.tid, s.tid, NULL, q.id, 'ticket', CASE WHEN s.owned THEN $staff ELSE $nobody END,
       left(s.description, 200), 0, 0, 0, 0, 0,
       CASE s.status WHEN 'REGISTERED' THEN 'new' WHEN 'WAITING_ON_RESIDENT' THEN 'stalled'
                     WHEN 'CLOSED' THEN 'resolved' WHEN 'NOT_UPHELD' THEN 'rejected' WHEN 'WITHDRAWN' THEN 'rejected'
                     ELSE 'open' END,
       NULL, 0, NULL, NULL, NULL,
       s.resolution_due AT TIME ZONE 'UTC', s.resolved_at AT TIME ZONE 'UTC', $staff,
       coalesce(s.resolved_at, s.registered_at) AT TIME ZONE 'UTC', $staff, s.registered_at AT TIME ZONE 'UTC'
FROM src s JOIN q ON q.name = s.queue_name;
DROP TABLE bench_case;
EOF
    # What autovacuum would have done by the time this many rows exist: visibility map and statistics.
    psql_admin -d "$PG_DB" -q -c "VACUUM (ANALYZE) complaint" -c "VACUUM (ANALYZE) case_event"
    psql_admin -d "$RT_DB" -q -c "VACUUM (ANALYZE) tickets"
    echo "loaded $add cases into Kefu and $(psql_admin -d "$RT_DB" -tAc "SELECT count(*) FROM tickets") tickets" \
        "into RT in $(( ($(date +%s%N) - start) / 1000000 )) ms; large tenant $(psql_admin -d "$PG_DB" -tAc \
        "SELECT count(*) FROM complaint c JOIN tenant t ON t.id = c.tenant_id WHERE t.slug = 'huijing-property'")" \
        "cases, queue $RT_QUEUE $(psql_admin -d "$RT_DB" -tAc "SELECT count(*) FROM tickets t JOIN queues q
        ON q.id = t.queue WHERE q.name = '$RT_QUEUE'") tickets"
}

# ---------------------------------------------------------------------------------------------------------------

bench() {
    local phases=$1 n=$2 c=$3 out=$4
    java -cp "$(pg_jar)" bench/java/FilingBench.java --base "http://127.0.0.1:$PORTAL_PORT" --jdbc "$(jdbc_url)" \
        --db-user "$PG_USER" --db-password "$PG_PASSWORD" --admin-user postgres \
        --clients "$c" --count "$n" --rounds "$rounds" --warmup "$warmup" --phases "$phases" \
        --portal-pid "$PORTAL_PID" --pg-pid "$(pg_pid)" --rt-pid "$(rt_pid)" \
        --rt-base "http://127.0.0.1:$RT_PORT/rt" --rt-user "$RT_USER" --rt-password "$RT_PASSWORD" \
        --rt-queue "$RT_FILING_QUEUE" --rt-list-queue "$RT_QUEUE" --rt-auth "$RT_AUTH" --out "$out"
}

rt_install
bench_workdir
trap cleanup EXIT
run_start=$(date +%s)
pg_start
rt_config
rt_database
rt_start
portal_start
echo "measuring commit $(git rev-parse --short HEAD) ($(git log -1 --format=%s | cut -c1-80)); RT" \
    "$(dpkg-query -W -f '${Version}' request-tracker5), Apache $(apache2 -v | sed -n 's/.*Apache\/\([0-9.]*\).*/\1/p')," \
    "$RT_PROCS FastCGI processes, RT auth $RT_AUTH"
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem/ { print $2 }') GiB, load before: $(cut -d' ' -f1-3 /proc/loadavg)"

tables=()
for c in ${clients//,/ }; do
    wait_quiet
    echo; echo "== filing, $c clients (load $(cut -d' ' -f1-3 /proc/loadavg))"
    bench rest,rt "$count" "$c" "$BENCH_DIR/filing-$c.md"
    tables+=("$BENCH_DIR/filing-$c.md")
done
echo; load_cases
for c in ${clients//,/ }; do
    wait_quiet
    echo; echo "== listing a page of 25 by due date, $c clients (load $(cut -d' ' -f1-3 /proc/loadavg))"
    bench rest-list,rt-list "$listings" "$c" "$BENCH_DIR/listing-$c.md"
    tables+=("$BENCH_DIR/listing-$c.md")
done

echo
echo "## Kefu beside RT 5: the tables to paste (load after: $(cut -d' ' -f1-3 /proc/loadavg), run took $(( $(date +%s) - run_start )) s)"
for t in "${tables[@]}"; do
    echo
    sed -n '/^<!-- peer table -->$/,/^<!-- end -->$/p' "$t" | grep -v '^<!--'
done
echo
echo "portal log: $(grep -c 'SEVERE' "$BENCH_DIR/portal.log" || true) SEVERE entries; RT/Apache log:" \
    "$(grep -cE '\[(error|critical)\]|:error\]' "$RT_DIR/apache-error.log" || true) errors"

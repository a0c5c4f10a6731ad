#!/usr/bin/env bash
# Builds Kefu and starts it on http://localhost:8080 with the embedded default (PostgreSQL under ./data, demo
# tenants seeded). Configuration comes from the environment (see README), e.g. KEFU_DB_URL for PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"
# ./run.sh --cluster: two nodes, one PostgreSQL, HAProxy in front (cluster/run.sh, README "Two nodes behind HAProxy").
[ "${1:-}" = --cluster ] && exec cluster/run.sh
# The demo's banner and the OIDC return address name the port the portal really listens on.
[ -n "${KEFU_HTTP_PORT:-}" ] && export KEFU_PUBLIC_URL=${KEFU_PUBLIC_URL:-http://localhost:$KEFU_HTTP_PORT}
# KEFU_SKIP_BUILD=1 starts what was built last (bench/startup.sh times the start alone).
[ "${KEFU_SKIP_BUILD:-}" = 1 ] || mvn -B -q -DskipTests -pl portal-web -am package
# The port opens once the portal is deployed (no server pages while it starts): src/main/payara.
payara=portal-web/src/main/payara
cat "$payara/pre-boot-commands.asadmin" "$payara/closed-while-deploying.asadmin" > portal-web/target/pre-boot.asadmin
exec java ${KEFU_JAVA_OPTS:--Xmx512m} -jar portal-web/target/payara-micro.jar \
    --nocluster --port "${KEFU_HTTP_PORT:-8080}" \
    --prebootcommandfile portal-web/target/pre-boot.asadmin \
    --postdeploycommandfile "$payara/post-deploy-commands.asadmin" \
    --logproperties "$payara/logging.properties" \
    --deploy portal-web/target/ROOT.war

#!/usr/bin/env bash
# Lighthouse on the public pages a resident opens on a phone: the intake form /t/<tenant>/complaints/new and,
# unless told otherwise, the tenant's landing page /t/<tenant>/, each for 汇景物业 (Chinese by default) and
# Riverside Mall (English by default), so both languages are measured. Lighthouse's default mobile profile
# (a Moto G Power-sized screen, simulated slow 4G and a 4× slower CPU), headless Chromium from Debian, several
# runs per page; prints every run and the median of the scores and metrics (FCP, LCP, TBT, CLS, Speed Index,
# bytes), keeps the JSON and HTML reports, and exits 1 when an intake page's median performance is under 90 or
# its median accessibility under 95 (KEFU_LIGHTHOUSE_MIN_PERFORMANCE, KEFU_LIGHTHOUSE_MIN_ACCESSIBILITY; the
# landing pages are shown against the same bars but do not fail the run, see docs/BENCHMARKS.md).
#
# On a fresh Debian 12 machine it installs what it lacks: chromium (apt), Node.js and npm (apt), Lighthouse
# (npm, pinned, into a cache folder). Starts its own throwaway PostgreSQL 15 and the portal on it with the demo
# seed (bench/lib.sh), and stops both on exit. Needs root (apt, runuser; Chromium then needs --no-sandbox).
# Usage: bench/lighthouse.sh [runs-per-page]
#   env: KEFU_BENCH_PORT (8089), KEFU_BENCH_PG_PORT (55432), KEFU_LIGHTHOUSE_PAGES (space-separated paths,
#        default the intake and landing pages of both demo tenants), KEFU_LIGHTHOUSE_GATED (a pattern: pages whose
#        shortfall fails the run, default /complaints/new), KEFU_LIGHTHOUSE_OUT (the reports' folder,
#        default target/lighthouse/<time>), KEFU_BENCH_BUILD=1 rebuilds the war first, KEFU_BENCH_QUIET_WAIT (600 s)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
# Lighthouse 12 is the last line that runs on Debian 12's Node.js 18 (13 needs Node 22).
LIGHTHOUSE_VERSION=12.8.2
MIN_PERFORMANCE=${KEFU_LIGHTHOUSE_MIN_PERFORMANCE:-90}
MIN_ACCESSIBILITY=${KEFU_LIGHTHOUSE_MIN_ACCESSIBILITY:-95}
PAGES=${KEFU_LIGHTHOUSE_PAGES:-/t/huijing-property/complaints/new /t/riverside-mall/complaints/new /t/huijing-property/ /t/riverside-mall/}
GATED=${KEFU_LIGHTHOUSE_GATED:-/complaints/new}
OUT=${KEFU_LIGHTHOUSE_OUT:-target/lighthouse/$(date +%Y%m%d-%H%M%S)}
LIGHTHOUSE_HOME=${XDG_CACHE_HOME:-$HOME/.cache}/kefu-bench/lighthouse-$LIGHTHOUSE_VERSION

apt_install() {
    echo "installing $* (apt)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" > /dev/null
}
command -v chromium > /dev/null || apt_install chromium
command -v node > /dev/null || apt_install nodejs
command -v npm > /dev/null || apt_install npm
[ -x /usr/lib/postgresql/15/bin/initdb ] || apt_install postgresql
if [ ! -x "$LIGHTHOUSE_HOME/node_modules/.bin/lighthouse" ]; then
    echo "installing Lighthouse $LIGHTHOUSE_VERSION into $LIGHTHOUSE_HOME (npm)"
    mkdir -p "$LIGHTHOUSE_HOME"
    npm install --prefix "$LIGHTHOUSE_HOME" --no-audit --no-fund --loglevel=error "lighthouse@$LIGHTHOUSE_VERSION" > /dev/null
fi
lighthouse=$LIGHTHOUSE_HOME/node_modules/.bin/lighthouse
# Debian's /usr/bin/chromium is a wrapper script; Lighthouse's launcher starts the binary it names.
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

[ -z "${KEFU_BENCH_BUILD:-}" ] || mvn -B -q -DskipTests -pl portal-web -am package
. bench/lib.sh
bench_workdir
trap bench_cleanup EXIT
pg_start
portal_start
base="http://localhost:$PORTAL_PORT"
mkdir -p "$OUT"

# The first request of a page compiles its Facelets and the JIT has seen nothing yet: a few requests of every page
# and of what it links (style sheets, scripts, images) before measuring, as a visitor of a running portal would meet it.
for page in $PAGES; do
    for _ in $(seq 1 20); do curl -fs -o /dev/null "$base$page"; done
    curl -fs "$base$page" | grep -oE '(href|src)="/[^"]+"' | sed -E 's/^(href|src)="//; s/"$//; s/&amp;/\&/g' \
        | sort -u | while read -r resource; do curl -fs -o /dev/null --compressed "$base$resource" || true; done
done

echo "measuring commit $(git rev-parse --short HEAD) ($(git log -1 --format=%s | cut -c1-80))"
echo "Lighthouse $("$lighthouse" --version), $("$CHROME_PATH" --version 2>/dev/null), Node $(node --version)"
failed=0
for page in $PAGES; do
    name=$(echo "$page" | sed -E 's#^/t/##; s#/$##; s#/#-#g')
    wait_quiet
    echo "$page — load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    reports=()
    for run in $(seq 1 "$runs"); do
        # Mobile form factor and simulated throttling are Lighthouse's defaults; only the categories measured here.
        "$lighthouse" "$base$page" --quiet \
            --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run" \
            --only-categories=performance,accessibility,best-practices \
            --output=json --output=html --output-path="$OUT/$name-$run"
        reports+=("$OUT/$name-$run.report.json")
    done
    echo "  load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    if ! node bench/lighthouse-median.mjs "$page" "$MIN_PERFORMANCE" "$MIN_ACCESSIBILITY" "${reports[@]}"; then
        case $page in *$GATED*) failed=1 ;; *) echo "  (not gated: does not fail the run)" ;; esac
    fi
done
echo "reports in $OUT"
echo "portal log: $(grep -c 'SEVERE' "$BENCH_DIR/portal.log" || true) SEVERE entries"
exit "$failed"

#!/usr/bin/env bash
# Reports at scale: one tenant with 20 stores, 1,000 items and 5,000,000 sales over two years (plus 50 small
# tenants); the rollups built once, then the dashboard's period totals (p95 ≤ 10 ms) and every report for 30 days
# (≤ 1 s) and a year (≤ 2 s), each beside a plain scan of the sales tables in the same run. See bench/README.md
# ("Reports").
#
#   bench/reports.sh                       # the full size
#   SALES=500000 bench/reports.sh          # a smaller try
#
# Prints the BENCH lines; exits non-zero when a target is missed. Needs an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
SALES=${SALES:-5000000}
echo "reports bench: $SALES sales over 730 days; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
./mvnw -o -q -pl webapp -am verify -DskipITs -Dsurefire.failIfNoSpecifiedTests=false -Dtest=ReportsBench \
  -Dbench.sales="$SALES" >"$log" 2>&1 || status=$?
grep -E '^BENCH|Tests run:|AssertionError|Expecting|to be less|reports over' "$log" || true
exit "$status"

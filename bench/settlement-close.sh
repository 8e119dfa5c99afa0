#!/usr/bin/env bash
# Close of day for 1,000 tenants, 1,000,000 captured sales and 50,000 refunds on one business day: the
# application's SettlementCloser against the hand-written set-based script bench/settlement/close-day.sql, in the
# same run on the same freshly seeded embedded PostgreSQL. See bench/README.md ("Settlement close of day").
#
#   bench/settlement-close.sh                                  # the full size
#   TENANTS=100 SALES=100000 REFUNDS=5000 bench/settlement-close.sh   # a smaller try
#
# Prints the BENCH lines; exits non-zero when a target is missed (close > 10 s or > 1.5 x the script).
# Needs an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
TENANTS=${TENANTS:-1000}
SALES=${SALES:-1000000}
REFUNDS=${REFUNDS:-50000}
echo "settlement close bench: $TENANTS tenants, $SALES sales, $REFUNDS refunds; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
./mvnw -o -q -pl webapp -am verify -DskipITs -Dsurefire.failIfNoSpecifiedTests=false -Dtest=SettlementCloseBench \
  -Dbench.tenants="$TENANTS" -Dbench.sales="$SALES" -Dbench.refunds="$REFUNDS" >"$log" 2>&1 || status=$?
grep -E '^BENCH|Tests run:|AssertionError|Expecting|to be less' "$log" || true
exit "$status"

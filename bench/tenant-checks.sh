#!/usr/bin/env bash
# What row-level security's tenant and platform checks cost per statement in PostgreSQL (decision 0031): runs
# TenantCheckBench (a Spring Boot test on a fresh embedded PostgreSQL; its name ends in Bench, so the test suite never
# runs it) and prints its BENCH lines. See bench/README.md ("Row-level security checks").
#
#   bench/tenant-checks.sh                  # 50,000 rounds per measure
#   ROUNDS=200000 bench/tenant-checks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
ROUNDS=${ROUNDS:-50000}
echo "tenant checks bench: $ROUNDS rounds; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
./mvnw -o -q -pl webapp -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=TenantCheckBench \
  -Dbench.rounds="$ROUNDS" >"$log" 2>&1 || status=$?
grep -E '^BENCH|Tests run:|AssertionError|Expecting' "$log" || true
exit "$status"

#!/usr/bin/env bash
# Catalog sync to one device: seeds a tenant with 300,000 variants (100,000 items × 3 sizes) in a fresh embedded
# PostgreSQL, pairs a simulated device over HTTP, times a full sync, makes 100 price changes through the catalog
# service and times the delta sync. See bench/README.md ("Catalog sync").
#
#   bench/catalog-sync.sh                 # pages of 10,000 changes
#   PAGE=50000 bench/catalog-sync.sh      # pages of 50,000
#   ITEMS=10000 bench/catalog-sync.sh     # a smaller catalog (3 × ITEMS variants)
#
# Prints the BENCH lines; exits non-zero when a target is missed (full sync > 10 s, best delta sync > 100 ms).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PAGE=${PAGE:-10000}
ITEMS=${ITEMS:-100000}
echo "catalog sync bench: $ITEMS items, pages of $PAGE; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
./mvnw -o -q -pl webapp -am verify -DskipITs -Dsurefire.failIfNoSpecifiedTests=false -Dtest=CatalogSyncBench \
  -Dbench.page="$PAGE" -Dbench.items="$ITEMS" >"$log" 2>&1 || status=$?
grep -E '^BENCH|Tests run:|AssertionError|Expecting|to be less' "$log" || true
exit "$status"

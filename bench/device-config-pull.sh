#!/usr/bin/env bash
# Throughput and latency of authenticated configuration pulls against a running Lapak, next to a trivial
# endpoint of the same application and the same endpoint of a bare Spring Boot application (bench/bare-endpoint,
# built offline and started here on a free port), all measured in the same run. See bench/README.md.
#
#   bench/device-config-pull.sh --code K7M2PQ9X            # a pairing code made in the portal (Devices → Add device)
#   bench/device-config-pull.sh --dev-code                 # makes one in the local dev database (local run only)
#
# Environment: SERVER (default http://localhost:8080), DURATION (20s), THREADS (2), CONNECTIONS (64),
# WARMUP (20s, an unrecorded run against each application first, for the JIT), ROUNDS (4: bare and trivial take turns in this
# many runs of DURATION / ROUNDS each).
set -euo pipefail
cd "$(dirname "$0")/.."

SERVER=${SERVER:-http://localhost:8080}
DURATION=${DURATION:-20s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
WARMUP=${WARMUP:-20s}
ROUNDS=${ROUNDS:-4}
[[ $DURATION =~ ^[0-9]+s$ ]] || { echo "DURATION is in seconds, e.g. 20s" >&2; exit 64; }
DEV_DB=${DEV_DB:-postgresql://lapak_owner:lapak_owner@localhost:54329/lapak}
# Toko Maju / Maju Pusat from the local demo data.
DEMO_TENANT=0b6c3f3e-5a2d-4c1e-9d7a-2f0e8b1a7c01
DEMO_STORE=5d1e2a40-8c3b-4f6a-b7e9-1a2b3c4d5e01

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 64; }

code=""
case "${1:-}" in
  --code) code=${2:?--code needs a value} ;;
  --dev-code)
    command -v psql >/dev/null || { echo "psql is needed for --dev-code" >&2; exit 64; }
    code=$(LC_ALL=C tr -dc 'ABCDEFGHJKMNPQRSTUVWXYZ23456789' </dev/urandom 2>/dev/null | head -c 8 || true)
    # As the owner with platform access (the application role is admitted to a tenant only with the seal the
    # application computes), the row the portal would write.
    psql -q -v ON_ERROR_STOP=1 "$DEV_DB" <<SQL
begin;
set local app.platform = 'on';
insert into pairing_code (tenant_id, id, code_hash, store_id, device_name, created_by, created_at, expires_at)
values ('$DEMO_TENANT', gen_random_uuid(), sha256(convert_to('$code', 'UTF8')), '$DEMO_STORE', 'Bench device',
        'bench', now(), now() + interval '15 minutes');
commit;
SQL
    ;;
  *) echo "usage: $0 --code CODE | --dev-code" >&2; exit 64 ;;
esac

if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java

home=$(mktemp -d)
bare_pid=""
cleanup() {
  [ -z "$bare_pid" ] || kill "$bare_pid" 2>/dev/null || true
  rm -rf "$home"
}
trap cleanup EXIT

# The bare application: same Spring Boot and Tomcat as webapp, one controller, nothing else.
bare_jar=bench/bare-endpoint/target/bare-endpoint.jar
if [[ ! -f "$bare_jar" || -n "$(find bench/bare-endpoint/src bench/bare-endpoint/pom.xml pom.xml -newer "$bare_jar" \
    -print -quit)" ]]; then
  ./mvnw -B -ntp -q -o -f bench/bare-endpoint/pom.xml package >&2
fi
"$java_cmd" -Xmx1g -jar "$bare_jar" --server.port=0 >"$home/bare.log" 2>&1 &
bare_pid=$!
bare_port=""
for _ in $(seq 1 120); do
  bare_port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$home/bare.log" | head -n 1)
  [ -z "$bare_port" ] || break
  kill -0 "$bare_pid" 2>/dev/null || { cat "$home/bare.log" >&2; exit 1; }
  sleep 0.5
done
[ -n "$bare_port" ] || { echo "the bare application did not start" >&2; exit 1; }
BARE=http://localhost:$bare_port
bin/lapak-device pair --home "$home" --server "$SERVER" --code "$code" >/dev/null
token=$(bin/lapak-device token --home "$home" | tail -n 1)
etag=$(curl -s -o /dev/null -D - -H "Authorization: Bearer $token" "$SERVER/api/device/v1/config" \
  | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r')
[ -n "$etag" ] || { echo "no ETag from /api/device/v1/config" >&2; exit 1; }

run() {
  local name=$1; shift
  echo "== $name"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@"
}

# One short run: requests/s, p50 and p99 on one line.
short() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$round_seconds"s --latency "$1" \
    | awk '/^Requests\/sec:/ {r = $2} $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2}
           END {printf "%s %s %s\n", r, p50, p99}'
}

echo "server $SERVER, bare $BARE, $THREADS threads, $CONNECTIONS connections, $DURATION each; $(nproc) cores;" \
  "$(date -u +%FT%TZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BARE/api/device/v1/time" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$SERVER/api/device/v1/time" >/dev/null

# Bare and trivial take turns in ROUNDS short runs, so that a change in the machine's load (it is shared) falls on
# both alike; the ratio is of the sums.
seconds=${DURATION%s}
round_seconds=$(( seconds / ROUNDS > 0 ? seconds / ROUNDS : 1 ))
echo "== bare and trivial: GET /api/device/v1/time, $ROUNDS rounds of ${round_seconds}s each, taking turns"
printf '%-8s %-6s %12s %10s %10s\n' endpoint round requests/s p50 p99
bare_sum=0
trivial_sum=0
for round in $(seq 1 "$ROUNDS"); do
  read -r rate p50 p99 < <(short "$BARE/api/device/v1/time")
  printf '%-8s %-6s %12s %10s %10s\n' bare "$round" "$rate" "$p50" "$p99"
  bare_sum=$(awk -v a="$bare_sum" -v b="$rate" 'BEGIN {print a + b}')
  read -r rate p50 p99 < <(short "$SERVER/api/device/v1/time")
  printf '%-8s %-6s %12s %10s %10s\n' trivial "$round" "$rate" "$p50" "$p99"
  trivial_sum=$(awk -v a="$trivial_sum" -v b="$rate" 'BEGIN {print a + b}')
done
kill "$bare_pid" 2>/dev/null || true
wait "$bare_pid" 2>/dev/null || true
bare_pid=""
awk -v t="$trivial_sum" -v b="$bare_sum" -v n="$ROUNDS" 'BEGIN {
  printf "== bare %.0f/s, trivial %.0f/s (means of the rounds): trivial / bare = %.2f\n", b / n, t / n, t / b }'

run "trivial: GET /api/device/v1/time (no authentication)" "$SERVER/api/device/v1/time"
run "config 304: GET /api/device/v1/config with token and If-None-Match" \
  -H "Authorization: Bearer $token" -H "If-None-Match: $etag" "$SERVER/api/device/v1/config"
run "config 200: GET /api/device/v1/config with token" \
  -H "Authorization: Bearer $token" "$SERVER/api/device/v1/config"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"

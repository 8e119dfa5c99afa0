#!/usr/bin/env bash
# Throughput and latency of authenticated configuration pulls against a running Lapak, next to a trivial
# endpoint of the same application measured in the same run. See bench/README.md.
#
#   bench/device-config-pull.sh --code K7M2PQ9X            # a pairing code made in the portal (Devices → Add device)
#   bench/device-config-pull.sh --dev-code                 # makes one in the local dev database (local run only)
#
# Environment: SERVER (default http://localhost:8080), DURATION (20s), THREADS (2), CONNECTIONS (64).
set -euo pipefail
cd "$(dirname "$0")/.."

SERVER=${SERVER:-http://localhost:8080}
DURATION=${DURATION:-20s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
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

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
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

echo "server $SERVER, $THREADS threads, $CONNECTIONS connections, $DURATION each; $(nproc) cores; $(date -u +%FT%TZ)"
run "trivial: GET /api/device/v1/time (no authentication)" "$SERVER/api/device/v1/time"
run "config 304: GET /api/device/v1/config with token and If-None-Match" \
  -H "Authorization: Bearer $token" -H "If-None-Match: $etag" "$SERVER/api/device/v1/config"
run "config 200: GET /api/device/v1/config with token" \
  -H "Authorization: Bearer $token" "$SERVER/api/device/v1/config"

#!/usr/bin/env bash
# Authorizations per second end to end (simulated devices → HTTP → decrypt → sandbox acquirer → commit), beside the
# raw single-row insert-and-commit rate of the same PostgreSQL at the same concurrency, the floor of one request and
# two commits, and a payment's database work alone (its statements replayed by pgbench, no application), all
# measured in the same run. See bench/README.md.
#
#   bench/payments/authorizations.sh
#
# Environment: COUNT (payments measured, 30000), WARMUP (payments before measuring, 6000), CONCURRENCY (8),
# DEVICES (simulated devices sharing the load, 4), PORT and PG_PORT (free ports), RAW_SECONDS (20),
# AMOUNT (minor units per payment, 10000), LINES (empty: custom amounts without lines; a comma-separated list of
# modes measured one after the other in this run, each with its warm-up: "same", every device sells one catalog
# variant, "different", each device its own variant of the same store; a mode listed twice is measured twice and
# its rates averaged, so "same,different,different,same" cancels the JIT still warming up in the first windows;
# with LINES, DEVICES defaults to 8),
# PROFILE (1: record each measured window with Java Flight Recorder and print the application's hottest methods and
# lock contention), KEEP (1: keep the work folder with the logs).
#
#   LINES=same,different,different,same COUNT=3000 WARMUP=1000 bench/payments/authorizations.sh   # and their ratio
set -euo pipefail
cd "$(dirname "$0")/../.."

COUNT=${COUNT:-30000}
WARMUP=${WARMUP:-6000}
CONCURRENCY=${CONCURRENCY:-8}
LINES=${LINES:-}
if [ -n "$LINES" ]; then DEVICES=${DEVICES:-8}; else DEVICES=${DEVICES:-4}; fi
IFS=, read -r -a modes <<<"${LINES:-amounts}"
for mode in "${modes[@]}"; do
  case $mode in amounts|same|different) ;; *) echo "LINES lists same and different" >&2; exit 64;; esac
done
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=${PORT:-$(free_port)}
PG_PORT=${PG_PORT:-$(free_port)}
RAW_SECONDS=${RAW_SECONDS:-20}
AMOUNT=${AMOUNT:-10000}
CARD=${CARD:-4111111111111111}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
SERVER="http://localhost:$PORT"
OWNER_DB="postgresql://lapak_owner:lapak_owner@localhost:$PG_PORT/lapak"
# The embedded server's superuser (trust on localhost), only to see every session's wait in pg_stat_activity.
SUPER_DB="postgresql://postgres@localhost:$PG_PORT/lapak"
# Toko Maju / Maju Pusat from the demo data.
DEMO_TENANT=0b6c3f3e-5a2d-4c1e-9d7a-2f0e8b1a7c01
DEMO_STORE=5d1e2a40-8c3b-4f6a-b7e9-1a2b3c4d5e01

for tool in psql pgbench wrk curl; do
  command -v $tool >/dev/null || { echo "$tool is needed (apt-get install postgresql-client wrk curl)" >&2; exit 64; }
done

work=$(mktemp -d)
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [ -n "${KEEP:-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "== building (compile only; the application runs from classes with full JIT)" >&2
(export JAVA_HOME; ./mvnw -q -o -pl webapp -am -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime) >&2
bin/lapak-device --help >/dev/null

echo "== starting the application on $SERVER (fresh database in $work/db, PostgreSQL on $PG_PORT)" >&2
(cd webapp && PORT=$PORT KEYCLOAK_URL=http://localhost:1 LAPAK_DATA_DIR="$work/db" \
  LAPAK_KEYS_MASTER_KEYSTORE="$work/master-key.p12" \
  exec "$JAVA" -Xms1g -Xmx1g ${PROFILE:+-XX:FlightRecorderOptions:stackdepth=256} -cp "target/classes:$(cat target/bench-classpath.txt)" id.lapak.LapakApplication \
  --lapak.embedded-postgres.port=$PG_PORT --logging.level.root=WARN --logging.level.id.lapak=WARN \
  >"$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 180); do
  curl -sf "$SERVER/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  sleep 1
done
curl -sf "$SERVER/actuator/health" >/dev/null || { echo "the application did not start" >&2; exit 1; }

pair() {
  local home=$1 code
  code=$(LC_ALL=C tr -dc 'ABCDEFGHJKMNPQRSTUVWXYZ23456789' </dev/urandom 2>/dev/null | head -c 8 || true)
  psql -q -v ON_ERROR_STOP=1 "$OWNER_DB" >/dev/null <<SQL
begin;
set local app.platform = 'on';
insert into pairing_code (tenant_id, id, code_hash, store_id, device_name, created_by, created_at, expires_at)
values ('$DEMO_TENANT', gen_random_uuid(), sha256(convert_to('$code', 'UTF8')), '$DEMO_STORE', 'Bench device',
        'bench', now(), now() + interval '15 minutes');
commit;
SQL
  bin/lapak-device pair --home "$home" --server "$SERVER" --code "$code" --reader-serial "RD-$code" >/dev/null
  bin/lapak-device keys --home "$home" --alg aes128 --reader-serial "RD-$code" >/dev/null
}

homes=()
for d in $(seq 1 "$DEVICES"); do
  homes+=("$work/device-$d")
  pair "$work/device-$d"
done

# The catalog lines sold with LINES: one variant every device sells, and one of its own per device, all in the demo
# store's tenant (no stock threshold, so no alert mail in the measured window).
variant_of() { printf '6c0ad000-0000-4000-8000-%012d' "$1"; }
if [ -n "$LINES" ]; then
  psql -q -v ON_ERROR_STOP=1 "$OWNER_DB" >/dev/null <<SQL
begin;
set local app.platform = 'on';
insert into catalog_version (tenant_id, version, changed_at) values ('$DEMO_TENANT', 1, now())
  on conflict (tenant_id) do nothing;
insert into tax_category (tenant_id, id, name, kind, catalog_version, updated_at)
values ('$DEMO_TENANT', '6c0ad000-0000-4000-8000-100000000000', 'Bench tax', 'EXEMPT', 1, now());
insert into catalog_item (tenant_id, id, name, tax_category_id, unit, active, catalog_version, created_at, updated_at)
values ('$DEMO_TENANT', '6c0ad000-0000-4000-8000-200000000000', 'Bench item',
        '6c0ad000-0000-4000-8000-100000000000', 'pcs', true, 1, now(), now());
insert into catalog_variant (tenant_id, id, item_id, name, sku, price_minor, active, catalog_version, created_at,
                             updated_at)
select '$DEMO_TENANT', ('6c0ad000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid,
       '6c0ad000-0000-4000-8000-200000000000', 'Bench ' || n, 'BENCH-' || n, $AMOUNT, true, 1, now(), now()
from generate_series(0, $DEVICES) n;
commit;
SQL
fi
line_of() { # the --line option of a mode: variant 0 for every device, or variant d for device d
  case $1 in
    same) variant_of 0 ;;
    different) for d in $(seq 1 "$DEVICES"); do printf '%s%s' "$([ "$d" = 1 ] || echo ,)" "$(variant_of "$d")"; done ;;
  esac
}

load() { # one generator process: the warm-up, then the measured payments, from every device in turn
  local line
  line=$(line_of "${1#*-}")
  bin/lapak-device load --homes "$(IFS=,; echo "${homes[*]}")" --amount "$AMOUNT" --warmup "$WARMUP" \
    --count "$COUNT" --concurrency "$CONCURRENCY" --card "$CARD" ${line:+--line "$line"} \
    >"$work/$1-measured.txt" 2>"$work/$1-warmup.txt" &
  load_pid=$!
}

cpu_of() { # utime+stime in clock ticks of a process and its threads
  awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0
}
pg_cpu() { # every process of the embedded PostgreSQL: the postmaster (its command line names the data folder)
  local total=0 pm pid
  for pm in $(pgrep -f -- "$work/db" || true); do
    for pid in "$pm" $(pgrep -P "$pm" || true); do
      total=$(( total + $(cpu_of "$pid") ))
    done
  done
  echo "$total"
}
busy_ticks() { # the whole machine's busy time in clock ticks (all but idle and iowait)
  awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat
}
stats() {
  psql -At -F' ' "$OWNER_DB" -c "select xact_commit, pg_current_wal_lsn() - '0/0'::pg_lsn from pg_stat_database
    where datname = 'lapak'"
}

measure() { # one mode: its warm-up, then its measured window (generator, commits, WAL and CPU figures)
  local mode=$1 # window number-mode
  echo "== ${mode#*-}: warm-up $WARMUP payments, then $COUNT measured, from $DEVICES devices, $CONCURRENCY threads" >&2
  load "$mode"
  # The generator says when the warm-up is over; the measured window starts there.
  until grep -q "warm-up:" "$work/$mode-warmup.txt" 2>/dev/null; do
    kill -0 "$load_pid" 2>/dev/null || break
    sleep 0.2
  done
  read -r commits0 wal0 < <(stats)
  app_cpu0=$(cpu_of "$app_pid")
  pg_cpu0=$(pg_cpu)
  [ -z "${PROFILE:-}" ] || "$JAVA_HOME/bin/jcmd" "$app_pid" JFR.start name=bench settings=profile >/dev/null
  # Ten times a second: the application's sessions running a statement, and those of them waiting for a lock.
  printf '%s\n' "select count(*) filter (where state = 'active'), count(*) filter (where wait_event_type = 'Lock')
    from pg_stat_activity where datname = 'lapak' and backend_type = 'client backend' and pid <> pg_backend_pid()" \
    '\watch 0.1' >"$work/waits.sql"
  psql -At -F' ' "$SUPER_DB" -f "$work/waits.sql" >"$work/$mode-waits.txt" 2>/dev/null &
  sampler_pid=$!
  started=$(date +%s.%N)
  wait "$load_pid" || true
  ended=$(date +%s.%N)
  kill "$sampler_pid" 2>/dev/null || true
  wait "$sampler_pid" 2>/dev/null || true
  [ -z "${PROFILE:-}" ] || "$JAVA_HOME/bin/jcmd" "$app_pid" JFR.stop name=bench filename="$work/$mode.jfr" >/dev/null
  read -r commits1 wal1 < <(stats)
  app_cpu1=$(cpu_of "$app_pid")
  pg_cpu1=$(pg_cpu)
  cat "$work/$mode-measured.txt" >&2
  echo "$started $ended $commits0 $commits1 $wal0 $wal1 $app_cpu0 $app_cpu1 $pg_cpu0 $pg_cpu1" >"$work/$mode-window.txt"
}
windows=()
for i in "${!modes[@]}"; do
  windows+=("$((i + 1))-${modes[$i]}")
  measure "${windows[-1]}"
done

if [ -n "$LINES" ]; then # every sale line moved stock: one movement per payment sold with a line
  sold=$(( (WARMUP + COUNT) * $(printf '%s\n' "${modes[@]}" | grep -cv amounts) ))
  moved=$(psql -At "$SUPER_DB" -c "select count(*) from stock_movement
    where tenant_id = '$DEMO_TENANT' and variant_id::text like '6c0ad000-0000-4000-8000-0%' and kind = 'SALE'")
  echo "stock movements of the bench variants: $moved of $sold sales with a line" >&2
  [ "$moved" = "$sold" ] || echo "WARNING: not every sale moved stock" >&2
fi

echo "== raw: single-row insert + commit, $CONCURRENCY clients, ${RAW_SECONDS}s" >&2
psql -q "$OWNER_DB" -c "create table if not exists bench_raw (id bigserial primary key, at timestamptz not null
  default now(), payload text not null)"
echo "insert into bench_raw (payload) values ('authorization');" >"$work/raw.sql"
pgbench -n -c "$CONCURRENCY" -j 2 -T "$RAW_SECONDS" -f "$work/raw.sql" "$OWNER_DB" >"$work/raw.txt" 2>&1
psql -q "$OWNER_DB" -c "drop table bench_raw"

# The database alone: a payment's statements replayed by pgbench as the application's role (no application, no HTTP),
# as sent (payment-statements.sql) and with each transaction as one call (payment-one-call.sql), at the same
# concurrency against the same database, with PostgreSQL's CPU per payment.
APP_DB="postgresql://lapak_app:lapak_app@localhost:$PG_PORT/lapak"
read -r bench_device bench_alg bench_key < <(psql -At -F' ' "$SUPER_DB" -c "select device_id, algorithm,
  upper(initial_key_id) from reader_key where tenant_id = '$DEMO_TENANT' order by device_id limit 1")
psql -q -v ON_ERROR_STOP=1 "$OWNER_DB" -f bench/payments/bench-functions.sql >/dev/null
# The third variant shows the share of the settlement recorder (decision 0045): its triggers off for that run only.
settles="payment_operation_settles, disable trigger payment_operation_settles_on_success"
for variant in statements one-call one-call-unsettled; do
  echo "== database only: a payment's statements ($variant), $CONCURRENCY clients, ${RAW_SECONDS}s" >&2
  [ "$variant" != one-call-unsettled ] || psql -q "$OWNER_DB" -c "alter table payment_operation disable trigger $settles"
  # pgbench's sessions end with it, so PostgreSQL's CPU is the machine's busy time less pgbench's and the idle
  # application's.
  busy0=$(busy_ticks); app_cpu0=$(cpu_of "$app_pid")
  TIMEFORMAT='%U %S'
  { time pgbench -n -M prepared -c "$CONCURRENCY" -j 2 -T "$RAW_SECONDS" \
      -f "bench/payments/payment-${variant%-unsettled}.sql" -D tenant="$DEMO_TENANT" -D store="$DEMO_STORE" \
      -D device="$bench_device" -D alg="$bench_alg" -D keyid="$bench_key" "$APP_DB" >"$work/db-$variant.txt" 2>&1
  } 2>"$work/db-$variant-pgbench-cpu.txt"
  echo "$busy0 $(busy_ticks) $app_cpu0 $(cpu_of "$app_pid") $(cat "$work/db-$variant-pgbench-cpu.txt")" \
    >"$work/db-$variant-cpu.txt"
  [ "$variant" != one-call-unsettled ] || psql -q "$OWNER_DB" -c "alter table payment_operation enable trigger ${settles//disable/enable}"
done
psql -q "$OWNER_DB" -c "drop function bench_claim, bench_decide, bench_seal"

echo "== HTTP floor: GET /api/device/v1/time, $CONCURRENCY connections, 10s" >&2
wrk -t2 -c"$CONCURRENCY" -d10s --latency "$SERVER/api/device/v1/time" >"$work/floor.txt" 2>&1

if [ -n "${PROFILE:-}" ]; then
  mkdir -p bench/payments/results
  for mode in "${windows[@]}"; do
    cp "$work/$mode.jfr" "bench/payments/results/last-$mode.jfr"
    echo "== profile: $mode" >&2
    "$JAVA_HOME/bin/jfr" view --width 160 hot-methods "$work/$mode.jfr" | head -40
    "$JAVA_HOME/bin/jfr" view --width 160 contention-by-site "$work/$mode.jfr" | head -25
  done
fi

ticks=$(getconf CLK_TCK)
python3 - "$work" "$COUNT" "$ticks" "$CONCURRENCY" "${windows[@]}" <<'PY'
import re, sys
work, count, ticks, conc = sys.argv[1:5]
windows = sys.argv[5:]
count = int(count); ticks = int(ticks)
raw = re.search(r"tps = ([\d.]+)", open(work + "/raw.txt").read())
raw_tps = float(raw.group(1)) if raw else float("nan")
floor = re.search(r"Requests/sec:\s+([\d.]+)", open(work + "/floor.txt").read())
floor_rps = float(floor.group(1)) if floor else float("nan")
rates = {}
for window in windows:
    mode = window.split("-", 1)[1]
    t0, t1, c0, c1, w0, w1, a0, a1, p0, p1 = open(f"{work}/{window}-window.txt").read().split()
    text = open(f"{work}/{window}-measured.txt").read()
    m = re.search(r"(\d+) payments in ([\d.]+) s", text)
    gen_seconds = float(m.group(2)) if m else float(t1) - float(t0)
    lat = re.search(r"p50 ([\d.]+), p95 ([\d.]+), p99 ([\d.]+), max ([\d.]+)", text)
    lat = tuple(float(v) for v in lat.groups()) if lat else (float("nan"),) * 4
    gen = re.search(r"generator CPU: ([\d.]+) ms", text)
    gen_cpu = float(gen.group(1)) if gen else float("nan")
    outcomes = {}
    for line in text.splitlines():
        m = re.match(r"^([A-Za-z_ 0-9]+): (\d+)$", line)
        if m:
            outcomes[m.group(1)] = outcomes.get(m.group(1), 0) + int(m.group(2))
    rate = count / gen_seconds
    rates.setdefault(mode, []).append(rate)
    label = {"amounts": "custom amounts", "same": "one line, every device the same variant",
             "different": "one line, each device its own variant"}[mode]
    print(f"== window {window.split('-')[0]}: {mode} ({label})")
    print(f"authorizations: {count} in {gen_seconds:.1f} s = {rate:,.0f}/s at concurrency {conc}")
    print("latency ms (every measured payment): p50 %.1f, p95 %.1f, p99 %.1f, max %.1f" % lat)
    print("outcomes:", outcomes)
    print(f"ratio to the raw single-row insert+commit rate: {rate / raw_tps:.2f}")
    samples = [tuple(map(int, l.split())) for l in open(f"{work}/{window}-waits.txt") if re.match(r"^\d+ \d+$", l)]
    if samples:
        print(f"sessions (sampled {len(samples)} times): {sum(a for a, _ in samples) / len(samples):.2f} running a "
              f"statement, {sum(w for _, w in samples) / len(samples):.2f} waiting for a lock")
    commits = int(c1) - int(c0); wal = int(float(w1)) - int(float(w0))
    print(f"per authorization: {commits / count:.2f} commits, {wal / count:,.0f} WAL bytes, "
          f"app CPU {(int(a1) - int(a0)) / ticks / count * 1e3:.2f} ms, "
          f"PostgreSQL CPU {(int(p1) - int(p0)) / ticks / count * 1e3:.2f} ms, load generator CPU {gen_cpu:.2f} ms")
print(f"raw single-row insert+commit: {raw_tps:,.0f}/s at {conc} clients")
print(f"HTTP floor (GET /time, no auth, {conc} connections): {floor_rps:,.0f}/s")
# The issue's floor: one request and two commits per payment, each at the rate this run measured for it alone.
floor_payment = 1 / (1 / floor_rps + 2 / raw_tps)
print(f"floor of one request and two commits (1 / (1/HTTP floor + 2/raw)): {floor_payment:,.0f}/s; "
      f"0.5 x floor = {floor_payment / 2:,.0f}/s")
for mode, r in rates.items():
    print(f"{mode}: {sum(r) / len(r):,.0f}/s = {sum(r) / len(r) / floor_payment:.2f} x floor")
for variant, label in (("statements", "as the application sends them"), ("one-call", "each transaction one call"),
                       ("one-call-unsettled", "each transaction one call, no settlement line or posting")):
    text = open(f"{work}/db-{variant}.txt").read()
    tps = re.search(r"tps = ([\d.]+)", text)
    done = re.search(r"actually processed: (\d+)", text)
    failed = re.search(r"failed transactions: (\d+)", text)
    b0, b1, a0, a1, bench_user, bench_sys = open(f"{work}/db-{variant}-cpu.txt").read().split()
    pg_seconds = (int(b1) - int(b0) - (int(a1) - int(a0))) / ticks - float(bench_user) - float(bench_sys)
    per = pg_seconds / int(done.group(1)) * 1e3 if done and int(done.group(1)) else float("nan")
    rate = float(tps.group(1)) if tps else float("nan")
    print(f"database only, a payment's statements {label} (pgbench, {conc} clients, no application): "
          f"{rate:,.0f}/s = {rate / floor_payment:.2f} x floor, PostgreSQL CPU {per:.2f} ms per payment, "
          f"{failed.group(1) if failed else '?'} failed")
mean = {mode: sum(r) / len(r) for mode, r in rates.items()}
if "same" in mean and "different" in mean:
    print(f"same variant / different variants (mean of {len(rates['same'])} and {len(rates['different'])} windows): "
          f"{mean['same']:,.0f} / {mean['different']:,.0f} = {mean['same'] / mean['different']:.2f} (goal >= 0.80)")
PY

#!/usr/bin/env bash
# Load benchmark: the portal (Release, SQLite, demo clinic, logging at Warning) against a bare ASP.NET Core endpoint
# that reads the same rows from the same SQLite file (bench/Baseline), under the same wrk load, in one run.
# Then bench/Appointments (issue 9): a seeded clinic of 50 practitioners and 100k appointments, its grid, "as soon as
# possible" and bookings under contention timed beside bare ADO.NET, on SQLite and on PostgreSQL (when reachable), and
# bench/Inbox (issue 10): a profile with 10,000 communications, its inbox pages and unread counters, the same way.
# Usage: bash bench/run.sh     Env: DURATION (seconds per pass, default 15), CONNECTIONS (32), WARMUP (20 s),
#   APPT_SEED_APPOINTMENTS (100000) and the other APPT_* of bench/Appointments/Program.cs, INBOX_* of
#   bench/Inbox/Program.cs, PORTAL_TEST_POSTGRES
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
duration=${DURATION:-15}
connections=${CONNECTIONS:-32}
work=$(mktemp -d /tmp/portal-bench.XXXXXX)
portal_url=http://127.0.0.1:5091
baseline_url=http://127.0.0.1:5092
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v wrk >/dev/null; then
  echo "== Installing wrk"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

echo "== Publishing the portal (Release, ReadyToRun, as deployed) and the baseline"
case "$(uname -m)" in aarch64|arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
dotnet publish src/Host/PatientPortal.Host -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -o "$work/portal" -nologo -v q -clp:ErrorsOnly
dotnet publish bench/Baseline -c Release -o "$work/baseline" -nologo -v q -clp:ErrorsOnly
dotnet publish bench/AccessCheck -c Release -o "$work/access" -nologo -v q -clp:ErrorsOnly
dotnet publish bench/Appointments -c Release -o "$work/appointments" -nologo -v q -clp:ErrorsOnly
dotnet publish bench/Inbox -c Release -o "$work/inbox" -nologo -v q -clp:ErrorsOnly

export ASPNETCORE_ENVIRONMENT=Development
export Database__DataFolder="$work/data" Email__PickupDirectory="$work/mail"
export Logging__LogLevel__Default=Warning
# The load passes measure the pages, not the per-account limit on tab reads (300 a minute, see PortalRateLimits).
export RateLimits__TabReadsPerMinute=100000000
export ASPNETCORE_URLS=$portal_url

wait_live() { # prints milliseconds until /health/live answers 200
  local start=$1
  until curl -sf -o /dev/null "$portal_url/health/live"; do sleep 0.02; done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

start_portal() { # sets portal_pid and started_ms
  local start; start=$(date +%s%N)
  (cd "$work/portal" && exec dotnet PatientPortal.Host.dll >>"$work/portal.log" 2>&1) &
  portal_pid=$!
  pids+=("$portal_pid")
  started_ms=$(wait_live "$start")
}

echo "== First start (creates the demo clinic)"
start_portal
first_start=$started_ms
kill "$portal_pid"; wait "$portal_pid" 2>/dev/null || true
echo "== Start-up with existing data, three times (the median is reported)"
starts=()
for _ in 1 2 3; do
  start_portal
  starts+=("$started_ms")
  [ ${#starts[@]} -lt 3 ] && { kill "$portal_pid"; wait "$portal_pid" 2>/dev/null || true; }
done
startup_ms=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)

echo "== Signing in as the demo patient"
jar="$work/cookies.txt"
token=$(curl -sf -c "$jar" "$portal_url/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -sf -b "$jar" -c "$jar" -o /dev/null -X POST "$portal_url/login" \
  --data-urlencode "Input.Email=heather.milner@example.com" --data-urlencode "Input.Password=Portail-Demo-2026!" \
  --data-urlencode "__RequestVerificationToken=$token"
cookie=$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 { printf "%s=%s; ", $6, $7 }')
page_bytes=$(curl -sf -H "Cookie: $cookie" "$portal_url/" | wc -c)
grep -q "Milner" <(curl -sf -H "Cookie: $cookie" "$portal_url/") || { echo "sign-in failed: the dashboard does not show the demo patient"; exit 1; }
# The Appointments tab of her son Nathan (DemoClinic.NathanMilnerProfileId), selected as the margin's switcher does (its cookie).
tab_cookie="${cookie}portal-profile=0193a2d0-0000-7000-8000-000000000101"
grep -q 'data-testid="appointment-row"' <(curl -sf -H "Cookie: $tab_cookie" "$portal_url/appointments") \
  || { echo "the Appointments tab does not list Nathan's appointments"; exit 1; }

load() { # name url [cookie] -> "name rps p50ms p99ms"
  local out
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency ${3:+-H "Cookie: $3"} "$2")
  echo "$out" >"$work/wrk-$1.txt"
  python3 - "$1" <<PY
import re, sys
text = open("$work/wrk-$1.txt").read()
def ms(v):
    found = re.match(r"([\d.]+)(us|ms|s|m)$", v)
    if not found: sys.exit(f"$1: unreadable latency {v!r} in wrk's output:\n{text}")
    n, unit = found.groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
# The distribution's own lines: "72.50%" ends the stats table's Latency line too.
p50 = ms(re.search(r"^\s*50%\s+(\S+)", text, re.M).group(1)); p99 = ms(re.search(r"^\s*99%\s+(\S+)", text, re.M).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if bad: sys.exit(f"$1: {bad.group(1)} responses were errors")
print(sys.argv[1], f"{rps:.0f}", f"{p50:.1f}", f"{p99:.1f}")
PY
}

# A portal runs for days: the figures are for warm code. On two cores the tiered JIT needs about 20 s of this load
# to finish optimising the hot paths; the first pass is printed too, so the warm-up cost stays visible.
echo "== Warming up (tiered JIT, EF query cache, Razor views) for ${WARMUP:=20} s"
cold=$(load cold-dashboard "$portal_url/" "$cookie")
wrk -t2 -c"$connections" -d"${WARMUP}s" -H "Cookie: $cookie" "$portal_url/" >/dev/null
wrk -t2 -c"$connections" -d5s -H "Cookie: $tab_cookie" "$portal_url/appointments" >/dev/null
wrk -t2 -c"$connections" -d5s "$portal_url/login" >/dev/null

echo "== Load: ${connections} connections, ${duration} s per pass"
results=()
results+=("$(load dashboard "$portal_url/" "$cookie")")
results+=("$(load appointments "$portal_url/appointments" "$tab_cookie")")
results+=("$(load login "$portal_url/login")")
results+=("$(load health "$portal_url/health/live")")
peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$portal_pid/status")

# The per-request access check (MayActFor, ADR 0012: target p99 <= 1 ms under the dashboard load), timed call by call
# beside a bare ADO.NET lookup of the same rows, interleaved; once with the portal idle, once while wrk drives the dashboard.
echo "== Access check (MayActFor) beside a bare ADO.NET lookup: idle, then under the dashboard load"
access=()
access+=("$(dotnet "$work/access/AccessCheck.dll" "$work/data" 10 idle)")
wrk -t2 -c"$connections" -d"$((duration + 4))s" -H "Cookie: $cookie" "$portal_url/" >"$work/wrk-access-load.txt" &
wrk_pid=$!
sleep 2
access+=("$(dotnet "$work/access/AccessCheck.dll" "$work/data" "$duration" under-load)")
wait "$wrk_pid"
kill "$portal_pid"; wait "$portal_pid" 2>/dev/null || true

(cd "$work/baseline" && exec dotnet Baseline.dll "$work/data/accounts.db" "$page_bytes" --urls "$baseline_url" >"$work/baseline.log" 2>&1) &
pids+=("$!")
until curl -sf -o /dev/null "$baseline_url/"; do sleep 0.05; done
wrk -t2 -c"$connections" -d5s "$baseline_url/" >/dev/null
results+=("$(load baseline "$baseline_url/")")
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

# Issue 9: the appointment figures on a clinic of 50 practitioners and 100k appointments, nothing else running.
if [ -z "${PORTAL_TEST_POSTGRES:-}" ] && command -v pg_lsclusters >/dev/null && ! pg_lsclusters -h 2>/dev/null | grep -q online; then
  cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
  [ -n "$cluster" ] && { echo "== Starting PostgreSQL"; as_root pg_ctlcluster $cluster start || true; }
fi
echo "== Appointments: seeding a clinic of 50 practitioners and ${APPT_SEED_APPOINTMENTS:-100000} appointments, then timing (SQLite, then PostgreSQL)"
appointments=$(dotnet "$work/appointments/PatientPortal.Bench.Appointments.dll" both) \
  || appointments="${appointments:-}
bench/Appointments stopped with an error (printed above); the figures before it stand."
echo "== Inbox: a profile with ${INBOX_COMMUNICATIONS:-10000} communications, its pages and counters (SQLite, then PostgreSQL)"
inbox=$(dotnet "$work/inbox/PatientPortal.Bench.Inbox.dll" both) \
  || inbox="${inbox:-}
bench/Inbox stopped with an error (printed above); the figures before it stand."

python3 - "$startup_ms" "$first_start" "$peak_kb" "$page_bytes" "$cold" "${results[@]}" "${access[@]}" <<'PY'
import sys
startup, first, peak_kb, page = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
access = [r.split()[1:] for r in sys.argv[5:] if r.startswith("access-check ")]
rows = {r.split()[0]: r.split()[1:] for r in sys.argv[5:] if not r.startswith("access-check ")}
base = float(rows["baseline"][0])
print()
print(f"{'what':<36}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'of baseline':>13}")
names = {"cold-dashboard": "signed-in dashboard, first pass", "dashboard": "signed-in dashboard, warm",
         "appointments": "Appointments tab (Nathan), warm",
         "login": "login page (anonymous)", "health": "/health/live", "baseline": f"bare baseline (2 rows, {page} B page)"}
for key in ("cold-dashboard", "dashboard", "appointments", "login", "health", "baseline"):
    rps, p50, p99 = rows[key]
    print(f"{names[key]:<36}{rps:>9}{p50:>9}{p99:>9}{float(rps) / base:>12.0%}")
print()
print(f"{'access check (MayActFor)':<26}{'calls':>8}{'p50 ms':>9}{'p99 ms':>9}{'bare p50':>10}{'bare p99':>10}{'busy p50':>9}{'busy p99':>9}{'own p50':>9}{'own p99':>9}")
for label, calls, p50, p99, bare50, bare99, busy50, busy99, own50, own99 in access:
    print(f"{label:<26}{calls:>8}{p50:>9}{p99:>9}{bare50:>10}{bare99:>10}{busy50:>9}{busy99:>9}{own50:>9}{own99:>9}")
print("  bare: one ADO.NET query of the same rows; busy: a busy loop as long as the check's median (the scheduler's share);")
print("  own: the CPU time the check's thread itself spent (its cost without the wait for a core)")
print()
print(f"start-up to /health/live, existing data: {startup} ms, median of 3 (first start, creating the demo clinic: {first} ms)")
print(f"peak memory (RSS) of the portal under this load: {peak_kb / 1024:.0f} MB")
PY
echo
echo "$appointments"
echo
echo "$inbox"

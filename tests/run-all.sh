#!/usr/bin/env bash
# Runs every test: architecture, building blocks, modules (SQLite and PostgreSQL), host over HTTP, and e2e in Chromium.
# On a fresh machine it installs what the tests need (Chromium, PostgreSQL) and starts PostgreSQL.
# Usage: bash tests/run-all.sh            (from anywhere)
# Env:   PORTAL_TEST_POSTGRES  admin connection string for an already running PostgreSQL (skips starting one)
#        PORTAL_BASE_URL       run the e2e suite against a running portal instead of starting one
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/TestResults"
rm -rf "$results" && mkdir -p "$results"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- Chromium for the e2e tests (Debian's; Playwright never downloads a browser here)
if [ ! -x /usr/bin/chromium ]; then
  echo "== Installing Chromium"
  apt_install chromium
fi

# --- The e2e checkers (ADR 0020): the Nu HTML checker (npm vnu-jar, run with Java) and Lighthouse (npm, run with Node),
#     installed from e2e/tools/package-lock.json into e2e/tools/node_modules. --ignore-scripts: vnu-jar's install script
#     would fetch a Java of its own; Debian's is used.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "== Installing Node.js"
  apt_install nodejs npm
fi
if ! command -v java >/dev/null 2>&1; then
  echo "== Installing Java"
  apt_install default-jre-headless
fi
echo "== Installing the e2e checkers (vnu-jar, lighthouse)"
npm ci --prefix "$root/e2e/tools" --ignore-scripts --no-audit --no-fund --loglevel=error

# --- PostgreSQL for the persistence tests
if [ -z "${PORTAL_TEST_POSTGRES:-}" ]; then
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "== Installing PostgreSQL"
    apt_install postgresql
  fi
  if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
    echo "== Starting PostgreSQL"
    cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
    [ -n "$cluster" ] || { as_root pg_createcluster "$(ls /usr/lib/postgresql | sort -V | tail -1)" main >/dev/null; cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}'); }
    as_root pg_ctlcluster $cluster start
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
  as_root su postgres -c "psql -q -v ON_ERROR_STOP=1 -c \"DO \\\$\\\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal') THEN CREATE ROLE portal LOGIN PASSWORD 'portal' CREATEDB;
      END IF; END \\\$\\\$;\"" >/dev/null
  # Test databases are dropped WITH (FORCE): that ends any backend still on them, which may be an autovacuum worker.
  as_root su postgres -c "psql -q -v ON_ERROR_STOP=1 -c 'GRANT pg_signal_backend TO portal;'" >/dev/null
  export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=portal;Password=portal;Database=postgres"
fi

# --- Build once, then run each test project
echo "== Building"
dotnet build PatientPortal.sln -c Release -nologo -v q -clp:ErrorsOnly

status=0
for project in tests/*.Tests/*.csproj tests/PatientPortal.ArchitectureTests/*.csproj e2e/*/*.csproj; do
  [ -f "$project" ] || continue
  name=$(basename "$project" .csproj)
  echo "== $name"
  # --blame names the test that was running if a test host ever crashes.
  dotnet test "$project" -c Release --no-build -nologo --blame --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

# --- One summary line over every TRX file: "N passed, N failed"
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout")) + int(c.get("aborted"))
    skipped += int(c.get("notExecuted"))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status

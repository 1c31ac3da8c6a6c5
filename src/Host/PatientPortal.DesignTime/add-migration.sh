#!/usr/bin/env bash
# Adds a migration to one module, for both providers: SQLite and PostgreSQL keep separate migration sets.
# Usage: src/Host/PatientPortal.DesignTime/add-migration.sh <Module> <MigrationName>   e.g. Accounts AddInvitations
set -euo pipefail
module=${1:?module (Accounts, Profiles, Appointments, Inbox, Activity, Audit)}
name=${2:?migration name}
cd "$(dirname "$0")/../../.."
dotnet tool restore >/dev/null
project=src/Modules/$module/PatientPortal.Modules.$module
startup=src/Host/PatientPortal.DesignTime
dotnet build "$startup" -v q -nologo
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build --project "$project" --startup-project "$startup" \
    --context "${provider}${module}DbContext" -o "Data/Migrations/$provider"
done

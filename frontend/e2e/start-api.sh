#!/bin/sh
# Starts the real API for the browser tests: a fresh SQLite database, migrations, demo data, the built app.
set -eu
cd "$(dirname "$0")/../.."
DB="${BONDGENOOT_E2E_DB:-/tmp/bondgenoot-e2e.db}"
rm -f "$DB"
export BONDGENOOT_DATABASE_URL="sqlite:///$DB"
export BONDGENOOT_ENVIRONMENT=development
# The funder journey registers a webhook on loopback: allowed only behind this development setting.
export BONDGENOOT_WEBHOOK_ALLOW_LOOPBACK=true
export BONDGENOOT_DEMO_PASSWORD="${BONDGENOOT_DEMO_PASSWORD:-e2e-demo-password}"
export BONDGENOOT_FRONTEND_DIST="${BONDGENOOT_E2E_DIST:-$PWD/frontend/dist}"
.venv/bin/bondgenoot migrate
.venv/bin/bondgenoot seed-demo
exec .venv/bin/bondgenoot serve --host 127.0.0.1 --port "${BONDGENOOT_E2E_PORT:-8765}"

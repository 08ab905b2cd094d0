#!/usr/bin/env bash
# Runs Counterlink locally on embedded defaults: PostgreSQL (embedded), Keycloak (real, local),
# the backend and the portal. Ctrl-C stops everything it started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_java21

PORT="${COUNTERLINK_PORT:-8080}"
PG_PORT="${COUNTERLINK_PG_PORT:-55432}"
DEMO_EMAIL="demo@counterlink.local"
DEMO_PASSWORD="demo-retailer-1"

echo "==> Building backend, bridge and test doubles"
"$REPO/mvnw" -q -B -f "$REPO/pom.xml" -DskipTests install
echo "==> Building the portal"
build_portal >/dev/null

cleanup() {
  echo "==> Stopping"
  stop_pid "${BACKEND_PID:-}"
  stop_pid "${PG_PID:-}"
  "$REPO/deploy/keycloak/keycloak-local.sh" stop || true
}
trap cleanup EXIT INT TERM

echo "==> Starting Keycloak"
"$REPO/deploy/keycloak/keycloak-local.sh" start
"$REPO/deploy/keycloak/keycloak-local.sh" demo-user "$DEMO_EMAIL" "$DEMO_PASSWORD"

echo "==> Starting PostgreSQL (data in $LOCAL/pgdata)"
start_postgres "$LOCAL/pgdata" "$PG_PORT" "$LOCAL/postgres.log"

echo "==> Starting the backend (log: $LOCAL/backend.log)"
start_backend "$PORT" "$PG_PORT" "$LOCAL/backend.log"

cat <<INFO

  Counterlink is running.
    Portal:    http://localhost:$PORT
    Demo login: $DEMO_EMAIL / $DEMO_PASSWORD   (or "Create an account" to sign up as a new retailer)
    Keycloak:  http://localhost:18080  (admin console: admin / admin)
    API docs:  http://localhost:$PORT/api/openapi
    Logs:      $LOCAL/*.log

  Press Ctrl-C to stop.
INFO
wait "$BACKEND_PID"

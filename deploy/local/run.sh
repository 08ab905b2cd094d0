#!/usr/bin/env bash
# Runs Counterlink locally on embedded defaults: PostgreSQL (embedded), Keycloak (real, local), a mail
# catcher for Keycloak's emails, the backend and the portal. Ctrl-C stops everything it started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_java21

PORT="${COUNTERLINK_PORT:-8080}"
PG_PORT="${COUNTERLINK_PG_PORT:-55432}"
DEMO_EMAIL="demo@counterlink.local"
DEMO_PASSWORD="demo-retailer-1"

echo "==> Building backend, bridge and test doubles"
"$REPO/mvnw" -q -B -f "$REPO/pom.xml" -DskipTests install
"$REPO/deploy/bridge/package-windows.sh" >/dev/null
echo "==> Building the portal"
build_portal >/dev/null

cleanup() {
  echo "==> Stopping"
  stop_pid "${BACKEND_PID:-}"
  stop_pid "${SANDBOX_PID:-}"
  stop_pid "${COUNTERPOINT_PID:-}"
  stop_pid "${PG_PID:-}"
  if $STARTED_KEYCLOAK; then "$REPO/deploy/keycloak/keycloak-local.sh" stop || true; fi
  if $STARTED_MAIL_CATCHER; then "$REPO/deploy/local/mail-catcher.sh" stop || true; fi
}
STARTED_KEYCLOAK=false
STARTED_MAIL_CATCHER=false
trap cleanup EXIT INT TERM

echo "==> Starting the mail catcher (Keycloak's emails: a new account verifies its address)"
if ! "$REPO/deploy/local/mail-catcher.sh" status >/dev/null 2>&1; then
  "$REPO/deploy/local/mail-catcher.sh" start
  STARTED_MAIL_CATCHER=true
fi

echo "==> Starting Keycloak"
if ! "$REPO/deploy/keycloak/keycloak-local.sh" status >/dev/null 2>&1; then
  "$REPO/deploy/keycloak/keycloak-local.sh" start
  STARTED_KEYCLOAK=true
fi
"$REPO/deploy/keycloak/keycloak-local.sh" demo-user "$DEMO_EMAIL" "$DEMO_PASSWORD"

echo "==> Starting PostgreSQL (data in $LOCAL/pgdata)"
start_postgres "$LOCAL/pgdata" "$PG_PORT" "$LOCAL/postgres.log"

echo "==> Starting the demo Counterpoint database (H2 in SQL Server mode, 100 items)"
java -jar "$REPO/onprem-bridge/counterpoint-demo/target/counterpoint-demo.jar" --port 19092 --items 100 \
  --data-dir "$LOCAL/counterpoint" >"$LOCAL/counterpoint.log" 2>&1 &
COUNTERPOINT_PID=$!

echo "==> Starting the WooCommerce sandbox with two demo stores (webhooks arrive about 30 s after a change, as on a quiet real store)"
java -jar "$REPO/backend/woo-sandbox/target/woo-sandbox.jar" --port 18090 --store shop --store tickets --allow-insecure-callbacks \
  >"$LOCAL/woo-sandbox.log" 2>&1 &
SANDBOX_PID=$!

echo "==> Starting the backend (log: $LOCAL/backend.log)"
start_backend "$PORT" "$PG_PORT" "$LOCAL/backend.log"

cat <<INFO

  Counterlink is running.
    Portal:    http://localhost:$PORT
    Demo login: $DEMO_EMAIL / $DEMO_PASSWORD   (or "Create an account" to sign up as a new retailer)
    Keycloak:  http://localhost:18080  (admin console: admin / admin)
    Mail:      $("$REPO/deploy/local/mail-catcher.sh" url)  (every email Keycloak sends: open "Verify email" there after signing up)
    API docs:  http://localhost:$PORT/api/openapi
    Demo Counterpoint (SQL Server-shaped H2): jdbc:h2:tcp://localhost:19092/counterpoint;MODE=MSSQLServer  (sa / counterpoint)
    WooCommerce sandbox: http://localhost:18090  (stores "shop" and "tickets"; keys in $LOCAL/woo-sandbox.log)
    Logs:      $LOCAL/*.log

  Press Ctrl-C to stop.
INFO
wait "$BACKEND_PID"

#!/usr/bin/env bash
# Runs every test: the Maven reactor (unit and integration tests on embedded PostgreSQL and a real
# Keycloak), the portal's unit tests, and the end-to-end tests in Debian's Chromium against the
# real stack (sign-ups verify their email through the local mail catcher). Exits non-zero if anything fails.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_java21
require_node
[[ -x "${CHROMIUM:-/usr/bin/chromium}" ]] || { echo "Chromium is required for the end-to-end tests: apt-get install chromium" >&2; exit 1; }

E2E_PORT=18085
E2E_PG_PORT=55439
E2E_DIR="$(mktemp -d)"
STARTED_KEYCLOAK=false
STARTED_MAIL_CATCHER=false

cleanup() {
  stop_pid "${BACKEND_PID:-}"
  stop_pid "${PG_PID:-}"
  stop_pid "${COUNTERPOINT_PID:-}"
  stop_pid "${SANDBOX_PID:-}"
  if $STARTED_KEYCLOAK; then "$REPO/deploy/keycloak/keycloak-local.sh" stop >/dev/null || true; fi
  if $STARTED_MAIL_CATCHER; then "$REPO/deploy/local/mail-catcher.sh" stop >/dev/null || true; fi
  rm -rf "$E2E_DIR"
}
trap cleanup EXIT INT TERM

# Keycloak mails the "verify your email" link a new account needs; the end-to-end sign-ups read it here.
if ! "$REPO/deploy/local/mail-catcher.sh" status >/dev/null 2>&1; then
  "$REPO/deploy/local/mail-catcher.sh" start
  STARTED_MAIL_CATCHER=true
fi

if ! "$REPO/deploy/keycloak/keycloak-local.sh" status >/dev/null 2>&1; then
  "$REPO/deploy/keycloak/keycloak-local.sh" start
  STARTED_KEYCLOAK=true
fi

echo "==> Maven: build and test every module"
"$REPO/mvnw" -B -f "$REPO/pom.xml" install

echo "==> Kubernetes: lint and render the Helm chart with Helm's own code, check the manifests"
"$REPO/mvnw" -B -f "$REPO/deploy/kubernetes/pom.xml" test

echo "==> Bridge: the Windows package holds the jar and the service wrapper"
zip="$("$REPO/deploy/bridge/package-windows.sh")"
unzip -l "$zip" | grep -q "counterlink-bridge/counterlink-bridge-service.exe" && unzip -l "$zip" | grep -q "counterlink-bridge/counterlink-bridge.jar" \
  || { echo "the Windows package is incomplete: $zip" >&2; exit 1; }

echo "==> Portal: install, type-check, build, unit tests"
build_portal
(cd "$REPO/frontend" && npm test)

echo "==> End to end: real backend, PostgreSQL and Keycloak, driven in Chromium"
start_postgres "$E2E_DIR/pgdata" "$E2E_PG_PORT" "$E2E_DIR/postgres.log"
java -jar "$REPO/onprem-bridge/counterpoint-demo/target/counterpoint-demo.jar" --port 19093 --items 100 \
  --data-dir "$E2E_DIR/counterpoint" >"$E2E_DIR/counterpoint.log" 2>&1 &
COUNTERPOINT_PID=$!
# Webhooks after 0.5 s instead of a quiet real store's 30 s, so the portal's end-to-end run stays quick.
java -jar "$REPO/backend/woo-sandbox/target/woo-sandbox.jar" --port 18091 --webhook-delay-ms 500 >"$E2E_DIR/woo-sandbox.log" 2>&1 &
SANDBOX_PID=$!
start_backend "$E2E_PORT" "$E2E_PG_PORT" "$E2E_DIR/backend.log"
if ! (cd "$REPO/frontend" && E2E_BASE_URL="http://localhost:$E2E_PORT" \
      E2E_COUNTERPOINT_URL="jdbc:h2:tcp://localhost:19093/counterpoint;MODE=MSSQLServer" \
      E2E_SANDBOX_URL="http://127.0.0.1:18091" E2E_MAIL_URL="$("$REPO/deploy/local/mail-catcher.sh" url)" npm run e2e); then
  echo "End-to-end tests failed; backend log tail:" >&2
  tail -50 "$E2E_DIR/backend.log" >&2
  exit 1
fi
echo "==> All tests passed (screenshots: frontend/e2e/artifacts/)"

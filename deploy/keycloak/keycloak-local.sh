#!/usr/bin/env bash
# Runs a real Keycloak for local use and tests, from the keycloak-quarkus-dist zip on Maven Central,
# with the counterlink realm imported into an in-memory database (fresh at every start).
#   deploy/keycloak/keycloak-local.sh start|stop|status|demo-user EMAIL PASSWORD
# Env: KEYCLOAK_PORT (18080), COUNTERLINK_LOCAL (<repo>/.local), PORTAL_URLS (extra redirect origins),
#      KEYCLOAK_MGMT_PORT (19000). The realm sends its emails to COUNTERLINK_SMTP_HOST:COUNTERLINK_SMTP_PORT,
#      by default localhost:18025: the mail catcher (deploy/local/mail-catcher.sh) run.sh and test-all.sh start.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KC_VERSION="26.5.6"
PORT="${KEYCLOAK_PORT:-18080}"
LOCAL="${COUNTERLINK_LOCAL:-$REPO/.local}"
KC_HOME="$LOCAL/keycloak-$KC_VERSION"
PID_FILE="$LOCAL/keycloak.pid"
LOG_FILE="$LOCAL/keycloak.log"
URL="http://localhost:$PORT"

find_java21() {
  local candidates=("${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64)
  for home in "${candidates[@]}"; do
    [[ -n "$home" && -x "$home/bin/java" ]] || continue
    local major
    major="$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
    if [[ "${major%%.*}" -ge 21 ]]; then echo "$home"; return 0; fi
  done
  echo "Keycloak needs Java 21 or newer; set JAVA_HOME to one" >&2
  return 1
}

install_dist() {
  [[ -x "$KC_HOME/bin/kc.sh" ]] && return 0
  mkdir -p "$LOCAL"
  local zip="$LOCAL/keycloak-quarkus-dist-$KC_VERSION.zip"
  if [[ ! -f "$zip" ]]; then
    echo "Downloading Keycloak $KC_VERSION from Maven Central..."
    JAVA_HOME="$(find_java21)" "$REPO/mvnw" -q -B -f "$REPO/pom.xml" -N dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$LOCAL" >/dev/null
  fi
  (cd "$LOCAL" && unzip -q -o "$zip" && mv "keycloak-$KC_VERSION" "$KC_HOME.tmp" 2>/dev/null || true)
  [[ -d "$KC_HOME.tmp" ]] && mv "$KC_HOME.tmp" "$KC_HOME"
  [[ -x "$KC_HOME/bin/kc.sh" ]] || { echo "Keycloak distribution is incomplete in $KC_HOME" >&2; exit 1; }
}

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid; pid="$(cat "$PID_FILE")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

ready() { curl -fsS -o /dev/null "$URL/realms/counterlink/.well-known/openid-configuration"; }

start() {
  if pid="$(running_pid)"; then echo "Keycloak already running (pid $pid) at $URL"; return 0; fi
  if ready 2>/dev/null; then echo "Something already answers at $URL; not starting another Keycloak" >&2; return 0; fi
  install_dist
  mkdir -p "$KC_HOME/data/import"
  realm_with_redirects > "$KC_HOME/data/import/counterlink-realm.json"
  local java_home; java_home="$(find_java21)"
  echo "Starting Keycloak $KC_VERSION on $URL (log: $LOG_FILE)"
  # setsid: Keycloak and its JVM child get their own process group, which stop() kills as one.
  JAVA_HOME="$java_home" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    setsid "$KC_HOME/bin/kc.sh" start-dev --http-port "$PORT" --import-realm --db dev-mem \
      --hostname "$URL" --http-management-port "${KEYCLOAK_MGMT_PORT:-19000}" >"$LOG_FILE" 2>&1 < /dev/null &
  echo $! > "$PID_FILE"
  for _ in $(seq 1 240); do
    if ready 2>/dev/null; then echo "Keycloak ready at $URL (admin/admin)"; return 0; fi
    if ! running_pid >/dev/null; then echo "Keycloak exited; see $LOG_FILE" >&2; tail -20 "$LOG_FILE" >&2; exit 1; fi
    sleep 1
  done
  echo "Keycloak did not become ready in 240 s; see $LOG_FILE" >&2
  exit 1
}

# The realm file allows the default portal origin; PORTAL_URLS adds more (e.g. a test server's port).
realm_with_redirects() {
  local realm="$REPO/deploy/keycloak/counterlink-realm.json"
  if [[ -z "${PORTAL_URLS:-}" ]]; then cat "$realm"; return; fi
  python3 - "$realm" "$PORTAL_URLS" <<'PY'
import json, sys
realm = json.load(open(sys.argv[1]))
extra = [u.strip().rstrip('/') for u in sys.argv[2].split(',') if u.strip()]
for client in realm["clients"]:
    if client["clientId"] == "counterlink-portal":
        client["redirectUris"] += [u + "/*" for u in extra]
        attrs = client["attributes"]
        attrs["post.logout.redirect.uris"] = "##".join([attrs["post.logout.redirect.uris"]] + [u + "/*" for u in extra])
print(json.dumps(realm, indent=2))
PY
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then echo "Keycloak is not running"; rm -f "$PID_FILE"; return 0; fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
  echo "Keycloak stopped"
}

demo_user() {
  local email="$1" password="$2"
  local kcadm="$KC_HOME/bin/kcadm.sh"
  JAVA_HOME="$(find_java21)" "$kcadm" config credentials --server "$URL" --realm master --user admin --password admin \
    --config "$LOCAL/kcadm.config" >/dev/null
  JAVA_HOME="$(find_java21)" "$kcadm" create users -r counterlink --config "$LOCAL/kcadm.config" \
    -s username="$email" -s email="$email" -s emailVerified=true -s enabled=true \
    -s firstName=Demo -s lastName=Retailer >/dev/null 2>&1 || true
  JAVA_HOME="$(find_java21)" "$kcadm" set-password -r counterlink --config "$LOCAL/kcadm.config" \
    --username "$email" --new-password "$password" >/dev/null
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if pid="$(running_pid)"; then echo "running (pid $pid) at $URL"; else echo "stopped"; exit 3; fi ;;
  demo-user) demo_user "$2" "$3" ;;
  *) echo "usage: $0 start|stop|status|demo-user EMAIL PASSWORD" >&2; exit 2 ;;
esac

# Shared by run.sh and test-all.sh: locate a JDK 21+, build, and start/stop local services.
# shellcheck shell=bash
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL="${COUNTERLINK_LOCAL:-$REPO/.local}"
mkdir -p "$LOCAL"

use_java21() {
  local candidates=("${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
                    /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64)
  for home in "${candidates[@]}"; do
    [[ -n "$home" && -x "$home/bin/java" ]] || continue
    local major
    major="$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
    if [[ "${major%%.*}" -ge 21 ]]; then export JAVA_HOME="$home"; export PATH="$home/bin:$PATH"; return 0; fi
  done
  echo "Counterlink needs a JDK 21 or newer: install one and set JAVA_HOME" >&2
  exit 1
}

require_node() {
  command -v node >/dev/null && command -v npm >/dev/null || { echo "Node.js 20+ and npm are required" >&2; exit 1; }
}

build_portal() {
  require_node
  (cd "$REPO/frontend" && { [[ -d node_modules && node_modules/.package-lock.json -nt package-lock.json ]] || npm ci --no-audit --no-fund; } && npm run build)
}

# Waits until URL answers 2xx, or the process PID dies, or SECONDS_MAX pass.
wait_for_url() {
  local url="$1" pid="$2" what="$3" max="${4:-120}" log="${5:-}"
  for _ in $(seq 1 "$max"); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$what exited before it was ready${log:+; last lines of $log:}" >&2
      [[ -n "$log" ]] && tail -30 "$log" >&2
      return 1
    fi
    sleep 1
  done
  echo "$what was not ready after ${max}s" >&2
  return 1
}

# Starts the embedded PostgreSQL (devstack) with DATA_DIR on PORT; sets PG_PID.
start_postgres() {
  local data_dir="$1" port="$2" log="$3"
  java -jar "$REPO/backend/devstack/target/devstack-all.jar" "$data_dir" "$port" >"$log" 2>&1 &
  PG_PID=$!
  for _ in $(seq 1 60); do
    grep -q "PostgreSQL ready" "$log" 2>/dev/null && return 0
    kill -0 "$PG_PID" 2>/dev/null || { echo "PostgreSQL did not start:" >&2; tail -20 "$log" >&2; return 1; }
    sleep 1
  done
  echo "PostgreSQL was not ready after 60s" >&2
  return 1
}

# The local stack's master key for secrets at rest, made once and kept in .local (never committed).
local_master_key() {
  local file="$LOCAL/secrets-master-key"
  [[ -s "$file" ]] || { head -c 32 /dev/urandom | base64 > "$file"; chmod 600 "$file"; }
  cat "$file"
}

# Starts the backend serving the built portal on PORT against PostgreSQL on PG_PORT; sets BACKEND_PID.
# Dev mode with loopback stores allowed: the WooCommerce sandbox runs on this machine.
start_backend() {
  local port="$1" pg_port="$2" log="$3"
  MICRONAUT_ENVIRONMENTS=dev \
  COUNTERLINK_PORT="$port" \
  COUNTERLINK_PUBLIC_URL="http://localhost:$port" \
  COUNTERLINK_SECRETS_MASTER_KEY="$(local_master_key)" \
  COUNTERLINK_OUTBOUND_ALLOW_LOOPBACK=true \
  COUNTERLINK_BRIDGE_JAR="$REPO/onprem-bridge/bridge-agent/target/counterlink-bridge.jar" \
  COUNTERLINK_BRIDGE_WINDOWS_ZIP="$REPO/onprem-bridge/bridge-agent/target/counterlink-bridge-windows.zip" \
  COUNTERLINK_DB_URL="jdbc:postgresql://localhost:$pg_port/counterlink" \
  COUNTERLINK_PORTAL_DIR="$REPO/frontend/dist" \
    java -jar "$REPO/backend/service/target/counterlink-backend.jar" >"$log" 2>&1 &
  BACKEND_PID=$!
  wait_for_url "http://localhost:$port/health/readiness" "$BACKEND_PID" "The backend" 120 "$log"
}

stop_pid() {
  local pid="${1:-}"
  [[ -n "$pid" ]] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
}

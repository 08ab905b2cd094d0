#!/usr/bin/env bash
# Runs MailDev, a local SMTP mail catcher with a web inbox, for Keycloak's emails (verify your email,
# reset password). Nothing is delivered: every message stays in the inbox until it stops.
# Installed from npm (the version pinned in deploy/local/mail-catcher/package-lock.json) into .local.
#   deploy/local/mail-catcher.sh start|stop|status|url
# Env: COUNTERLINK_SMTP_PORT (18025, also the realm's default SMTP port), MAIL_CATCHER_WEB_PORT (18026),
#      COUNTERLINK_LOCAL (<repo>/.local).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL="${COUNTERLINK_LOCAL:-$REPO/.local}"
SMTP_PORT="${COUNTERLINK_SMTP_PORT:-18025}"
WEB_PORT="${MAIL_CATCHER_WEB_PORT:-18026}"
HOME_DIR="$LOCAL/mail-catcher"
PID_FILE="$LOCAL/mail-catcher.pid"
LOG_FILE="$LOCAL/mail-catcher.log"
URL="http://localhost:$WEB_PORT"

install_maildev() {
  local pinned="$REPO/deploy/local/mail-catcher"
  mkdir -p "$HOME_DIR"
  if [[ -x "$HOME_DIR/node_modules/.bin/maildev" ]] && cmp -s "$pinned/package-lock.json" "$HOME_DIR/package-lock.json"; then
    return 0
  fi
  command -v npm >/dev/null || { echo "The mail catcher needs Node.js 20+ and npm" >&2; exit 1; }
  echo "Installing MailDev from npm into $HOME_DIR..."
  cp "$pinned/package.json" "$pinned/package-lock.json" "$HOME_DIR/"
  (cd "$HOME_DIR" && npm ci --no-audit --no-fund --silent)
}

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid; pid="$(cat "$PID_FILE")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

ready() { curl -fsS -o /dev/null "$URL/email"; }

start() {
  if pid="$(running_pid)"; then echo "Mail catcher already running (pid $pid) at $URL"; return 0; fi
  if ready 2>/dev/null; then echo "A mail catcher already answers at $URL; not starting another"; return 0; fi
  install_maildev
  echo "Starting the mail catcher: SMTP on localhost:$SMTP_PORT, inbox on $URL (log: $LOG_FILE)"
  setsid "$HOME_DIR/node_modules/.bin/maildev" --ip 127.0.0.1 --smtp "$SMTP_PORT" --web "$WEB_PORT" \
    >"$LOG_FILE" 2>&1 < /dev/null &
  echo $! > "$PID_FILE"
  for _ in $(seq 1 60); do
    if ready 2>/dev/null; then return 0; fi
    if ! running_pid >/dev/null; then echo "The mail catcher exited; see $LOG_FILE" >&2; tail -20 "$LOG_FILE" >&2; exit 1; fi
    sleep 0.5
  done
  echo "The mail catcher did not become ready in 30 s; see $LOG_FILE" >&2
  exit 1
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then echo "Mail catcher is not running"; rm -f "$PID_FILE"; return 0; fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
  echo "Mail catcher stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if pid="$(running_pid)"; then echo "running (pid $pid) at $URL"; else echo "stopped"; exit 3; fi ;;
  url) echo "$URL" ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac

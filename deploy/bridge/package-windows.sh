#!/usr/bin/env bash
# Builds the Windows package of the bridge: counterlink-bridge.jar, the WinSW service wrapper as
# counterlink-bridge-service.exe (WinSW ships inside the npm package node-windows), and a README.
#   deploy/bridge/package-windows.sh [OUT_DIR]   (default: onprem-bridge/bridge-agent/target)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-$REPO/onprem-bridge/bridge-agent/target}"
JAR="$REPO/onprem-bridge/bridge-agent/target/counterlink-bridge.jar"
NODE_WINDOWS="node-windows@0.1.14"

[[ -f "$JAR" ]] || { echo "Build the bridge first: ./mvnw -pl onprem-bridge/bridge-agent -am package" >&2; exit 1; }
command -v npm >/dev/null || { echo "npm is needed to fetch the WinSW service wrapper" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack "$NODE_WINDOWS" --silent >/dev/null && tar xzf node-windows-*.tgz package/bin/winsw/winsw.exe)

STAGE="$WORK/counterlink-bridge"
mkdir -p "$STAGE"
cp "$JAR" "$STAGE/counterlink-bridge.jar"
cp "$WORK/package/bin/winsw/winsw.exe" "$STAGE/counterlink-bridge-service.exe"
cat > "$STAGE/README.txt" <<'TXT'
Counterlink bridge for Windows
==============================

1. Unzip this folder to a permanent place, e.g. C:\Counterlink, on the server that runs
   Counterpoint's SQL Server (or any machine that reaches it). Java 21 or newer must be installed.
2. In PowerShell as Administrator, in that folder, run the enroll command the Counterlink portal
   shows (Bridge page), with your Counterpoint database and SQL login filled in.
3. java -jar counterlink-bridge.jar doctor          (fix every FAIL it reports)
4. java -jar counterlink-bridge.jar install-service (installs and starts the Windows service
   "Counterlink bridge" through counterlink-bridge-service.exe, restarts it on failure)

The bridge only makes outbound HTTPS connections. Your SQL login stays in
counterlink-bridge.properties on this machine. Logs: the logs folder next to the jar.
counterlink-bridge-service.exe is WinSW (MIT licence), the Windows service wrapper.
TXT
mkdir -p "$OUT"
rm -f "$OUT/counterlink-bridge-windows.zip"
(cd "$WORK" && python3 -c "import shutil,sys; shutil.make_archive(sys.argv[1], 'zip', '.', 'counterlink-bridge')" "$OUT/counterlink-bridge-windows")
echo "$OUT/counterlink-bridge-windows.zip"

#!/usr/bin/env bash
# Issue 3 benchmark (not a test): does the management plane slow the proxy down?
# Starts nginx with a 64 MiB file and the built server jar on loopback, then runs
# bench/ManagementOverhead.java: 64 streaming downloads through the HTTP listener alone, then
# with 200 API calls/s and 20 WebSocket subscribers, then alone again.
# Usage: bash bench/management-overhead.sh [SECONDS]   (build first: mvn -B -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
W=$(mktemp -d)
trap 'kill $(cat "$W"/*.pid 2>/dev/null) 2>/dev/null || true; rm -rf "$W"' EXIT
command -v nginx >/dev/null || { echo "nginx is needed (apt-get install nginx-light)"; exit 1; }
mkdir -p "$W/www" "$W/logs"
head -c $((64 * 1024 * 1024)) /dev/urandom > "$W/www/bulk"
cat > "$W/nginx.conf" <<NGINX
daemon off; worker_processes 1; pid $W/nginx.pid; error_log $W/logs/error.log;
events { worker_connections 4096; }
http { access_log off; sendfile on; server { listen 127.0.0.1:18580; root $W/www; } }
NGINX
nginx -p "$W" -c "$W/nginx.conf" & echo $! > "$W/nginx.pid2"
cat > "$W/server.yaml" <<YAML
server:
  http: {listen: "127.0.0.1:18590"}
  socks5: {listen: "127.0.0.1:18591"}
backends: [{name: direct, type: direct}]
routes: [{domains: ["*"], backend: direct}]
network: {allow_loopback_destinations: true}
api: {listen: "127.0.0.1:18592"}
metrics: {listen: "127.0.0.1:18593"}
access_log: {enabled: false}
logging: {level: warn}
YAML
java -Xmx512m -jar bifrost-app-server/target/bifrost-server.jar -c "$W/server.yaml" > "$W/server.log" 2>&1 &
echo $! > "$W/server.pid"
for _ in $(seq 1 50); do curl -s -o /dev/null http://127.0.0.1:18592/api/v1/health && break; sleep 0.2; done
java bench/ManagementOverhead.java 18590 18592 http://127.0.0.1:18580/bulk "$SECONDS_PER_RUN" "$(cat "$W/server.pid")"

#!/usr/bin/env bash
# Issue 3 benchmark (not a test): does the management plane slow the proxy down?
# Starts nginx with a 2 GiB file and the built server jar on loopback, then measures 64 concurrent curl downloads
# through the HTTP listener for SECONDS each: alone, with bench/ManagementLoad.java running (200 API calls/s and
# 20 WebSocket subscribers), and alone again. Throughput is the bytes curl received in the window; CPU is the
# server's utime+stime over the window. (A JDK HttpClient driver saturated its own CPU at ~1 MB/s; curl does not.)
# Usage: bash bench/management-overhead.sh [SECONDS]   (build first: mvn -B -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
W=$(mktemp -d)
trap 'kill $(cat "$W"/*.pid 2>/dev/null) 2>/dev/null || true; rm -rf "$W"' EXIT
command -v nginx >/dev/null || { echo "nginx is needed (apt-get install nginx-light)"; exit 1; }
mkdir -p "$W/www" "$W/logs"
truncate -s 2G "$W/www/bulk" # sparse: zeros that cost no disk; nothing on the path compresses
chmod 755 "$W" "$W/www" && chmod 644 "$W/www/bulk" # nginx workers run unprivileged; mktemp -d is 0700
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
SERVER_PID=$(cat "$W/server.pid")
cpu() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }

# window NAME: 64 curls for SECONDS_PER_RUN; prints "NAME MB/s CPU-s-per-GB"
window() {
  local t0 t1 i total=0
  t0=$(cpu)
  for i in $(seq 1 64); do
    curl -s -o /dev/null --max-time "$SECONDS_PER_RUN" -w '%{size_download} %{http_code}\n' -x http://127.0.0.1:18590 \
      http://127.0.0.1:18580/bulk > "$W/dl.$i" 2>/dev/null &
    echo $! >> "$W/curls"
  done
  for pid in $(cat "$W/curls"); do wait "$pid" 2>/dev/null || true; done
  : > "$W/curls"
  t1=$(cpu)
  total=$(cat "$W"/dl.* | awk '{s += $1} $2 != 200 {bad++}
    END {print s; if (bad) print "warning: " bad " downloads did not answer 200" > "/dev/stderr"}')
  awk -v n="$1" -v b="$total" -v s="$SECONDS_PER_RUN" -v c=$(( t1 - t0 )) -v hz="$(getconf CLK_TCK)" \
    'BEGIN {printf "| %s | %.1f | %.2f |", n, b / s / 1e6, c / hz / (b / 1e9)}'
}

: > "$W/curls"
SECONDS_PER_RUN=5 window warm-up > /dev/null   # JIT, as in a long-running server
echo "| run | proxy throughput MB/s | proxy CPU s per GB | API calls/s | WS subscribers | WS events |"
echo "|---|---|---|---|---|---|"
alone1=$(window "proxy alone (before)"); echo "$alone1 0 | 0 | 0 |"
mkfifo "$W/load.in"
java -cp bifrost-app-server/target/bifrost-server.jar bench/ManagementLoad.java 18592 < "$W/load.in" > "$W/load.out" &
echo $! > "$W/load.pid"
exec 3> "$W/load.in"
until grep -q ready "$W/load.out" 2>/dev/null; do sleep 0.2; done
sleep 30 # let the API paths compile before measuring, as they would in a long-running server
LOAD_PID=$(cat "$W/load.pid")
l0=$(awk '{print $14 + $15}' "/proc/$LOAD_PID/stat")
loaded=$(window "with API + WebSocket load")
l1=$(awk '{print $14 + $15}' "/proc/$LOAD_PID/stat")
exec 3>&-
wait "$(cat "$W/load.pid")" 2>/dev/null || true
read -r rate subs events errors < <(tail -1 "$W/load.out")
echo "$loaded $rate | $subs | $events |"
alone2=$(window "proxy alone (after)"); echo "$alone2 0 | 0 | 0 |"
mbps() { echo "$1" | awk -F'|' '{print $3}'; }
echo "the load generator's own CPU during the loaded window: $(( (l1 - l0) * 100 / $(getconf CLK_TCK) / SECONDS_PER_RUN ))% of one core"
awk -v a="$(mbps "$alone1")" -v b="$(mbps "$alone2")" -v l="$(mbps "$loaded")" -v e="$errors" \
  'BEGIN {m = (a + b) / 2; printf "change under load vs mean of alone runs: %+.1f%% (API errors: %s)\n", (l - m) / m * 100, e}'

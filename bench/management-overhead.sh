#!/usr/bin/env bash
# Issue 3 benchmark (not a test): does the management plane slow the proxy down?
# Starts nginx with a 2 GiB file and the built server jar on loopback, then measures 64 concurrent curl downloads
# through the HTTP listener for SECONDS each, ROUNDS times (default 3) alone and then with bench/ManagementLoad.java
# running (200 API calls/s and 20 WebSocket subscribers). Throughput is the bytes curl received in the window; CPU is the
# server's utime+stime over the window. (A JDK HttpClient driver saturated its own CPU at ~1 MB/s; curl does not.)
# Usage: bash bench/management-overhead.sh [SECONDS]   (build first: mvn -B -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
ROUNDS=${ROUNDS:-3}
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

# The API load: bench/ManagementLoad.java, niced (in production the API's callers run elsewhere; here they share
# 2 cores with the proxy, curl and nginx and should take only CPU the measured path leaves idle; the table shows
# whether 200 calls/s were reached). start_load NAME waits until it is connected; stop_load prints its figures.
start_load() {
  mkfifo "$W/load.in.$1"
  nice -n 19 java -cp bifrost-app-server/target/bifrost-server.jar bench/ManagementLoad.java 18592 \
    < "$W/load.in.$1" > "$W/load.out.$1" &
  echo $! > "$W/load.pid"
  exec 3> "$W/load.in.$1"
  until grep -q ready "$W/load.out.$1" 2>/dev/null; do sleep 0.2; done
  sleep 5 # past the generator's own start-up
}
stop_load() { # sets FIGURES to "calls/s | subscribers | events" of run $1; not in a subshell: it closes fd 3
  exec 3>&-
  wait "$(cat "$W/load.pid")" 2>/dev/null || true
  FIGURES=$(tail -1 "$W/load.out.$1" | awk '{printf "%s | %s | %s", $1, $2, $3; if ($4 > 0) printf " (%s API errors)", $4}')
}
load_cpu() { awk '{print $14 + $15}' "/proc/$(cat "$W/load.pid")/stat"; }
compiled() { jstat -compiler "$SERVER_PID" | awk 'NR == 2 {print $1}'; }

: > "$W/curls"
SECONDS_PER_RUN=5 window warm-up > /dev/null   # the relay's JIT, as in a long-running server
# Measure the steady state of a long-running server: the first minute of API traffic has the JIT compile thousands
# of methods (Jackson, Vert.x Web, the API), and C2 then takes as much CPU as the event loops. Run the load until
# fewer than 20 methods compiled in 10 s (at most 3 minutes).
start_load jit
sleep 20
for _ in $(seq 1 16); do
  c0=$(compiled); sleep 10; c1=$(compiled)
  [ $(( c1 - c0 )) -lt 20 ] && break
done
stop_load jit
echo "JIT settled: $(( c1 - c0 )) methods compiled in the last 10 s of API load"
# Windows on this machine differ by up to ~10% with nothing changed, so alone and loaded windows alternate.
echo "| run | proxy throughput MB/s | proxy CPU s per GB | API calls/s | WS subscribers | WS events |"
echo "|---|---|---|---|---|---|"
alone_sum=0 loaded_sum=0 load_ticks=0
for r in $(seq 1 "$ROUNDS"); do
  alone=$(window "proxy alone, round $r"); echo "$alone 0 | 0 | 0 |"
  start_load "$r"
  l0=$(load_cpu)
  loaded=$(window "with API + WebSocket load, round $r")
  l1=$(load_cpu)
  stop_load "$r"
  echo "$loaded $FIGURES |"
  alone_sum=$(echo "$alone" | awk -F'|' -v s="$alone_sum" '{print s + $3}')
  loaded_sum=$(echo "$loaded" | awk -F'|' -v s="$loaded_sum" '{print s + $3}')
  load_ticks=$(( load_ticks + l1 - l0 ))
done
echo "the load generator's own CPU during the loaded windows: $(awk -v t="$load_ticks" -v hz="$(getconf CLK_TCK)" \
  -v s=$(( SECONDS_PER_RUN * ROUNDS )) 'BEGIN {printf "%.0f", t / hz / s * 100}')% of one core"
awk -v a="$alone_sum" -v l="$loaded_sum" -v r="$ROUNDS" 'BEGIN {printf "mean alone %.1f MB/s, mean under load %.1f MB/s: %+.1f%%\n", a / r, l / r, (l - a) / a * 100}'

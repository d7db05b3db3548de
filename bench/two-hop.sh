#!/usr/bin/env bash
# Issue 4 benchmark (not a test): what does chaining cost? Runs ../shared/bench/peer-bench.sh with no peers,
# alternating HOP_ROUNDS times (default 1) between the server alone (one hop) and a client whose every route goes
# to that server (curl -> client -> server -> origin, two hops), then prints one table of both and the two-hop /
# one-hop ratio of bulk throughput.
# Usage: bash bench/two-hop.sh [PEER_BENCH]   (build first: mvn -B -q -DskipTests package)
# Knobs of peer-bench.sh pass through (BULK_N, SKIP_NEWCONN, WARMUP_SECONDS, ROUNDS...).
#
# PINNED=1 models the deployment: the client runs on the developer's laptop and the server on another host, so
# they never compete for a CPU. curl and the client share LAPTOP_CPUS (default 0); the server and the nginx origin
# share SERVER_CPUS (default 1). The one-hop run pins curl, server and origin the same way, so the only difference
# between the runs is the client on the laptop's CPU. Give each side two CPUs or more (LAPTOP_CPUS=0,1
# SERVER_CPUS=2,3): with one CPU each, curl and the client take turns on one core, every turn moves a little data,
# and the run measures that contention rather than the hop. Unpinned (the default), every process shares every
# CPU: on a small machine that measures the total CPU cost of the path more than what a second hop costs a user.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PEER_BENCH=${1:-$ROOT/../shared/bench/peer-bench.sh}
[ -f "$PEER_BENCH" ] || { echo "peer-bench.sh not found at $PEER_BENCH (pass its path)"; exit 1; }
for jar in bifrost-app-server/target/bifrost-server.jar bifrost-app-client/target/bifrost-client.jar; do
  [ -f "$jar" ] || { echo "$jar is missing: run mvn -B -q -DskipTests package first"; exit 1; }
done
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT

cat > "$W/server.yaml" <<YAML
server:
  http: {listen: "127.0.0.1:7080"}
  socks5: {listen: "127.0.0.1:7180"}
backends: [{name: direct, type: direct}]
routes: [{domains: ["*"], backend: direct}]
network: {allow_loopback_destinations: true}
api: {listen: "127.0.0.1:7082"}
metrics: {listen: "127.0.0.1:7090"}
access_log: {enabled: false}
logging: {level: warn}
YAML
cat > "$W/client.yaml" <<YAML
proxy:
  http: {listen: "127.0.0.1:7380"}
  socks5: {listen: "127.0.0.1:7381"}
server: {address: "127.0.0.1:7080", protocol: http}
routes: [{domains: ["*"], action: server}]
debug: {enabled: false}
logging: {level: warn}
api: {enabled: true, listen: "127.0.0.1:7383"}
YAML
SERVER="java -Xmx512m -jar $ROOT/bifrost-app-server/target/bifrost-server.jar -c $W/server.yaml"
CLIENT="java -Xmx512m -jar $ROOT/bifrost-app-client/target/bifrost-client.jar -c $W/client.yaml"
# Generous warm-up, the same for both setups: the JIT of a fresh JVM keeps compiling for minutes, and while it does
# its compiler threads take CPU from the relay; the two-hop run has two JVMs to warm.
export PEERS=none WARMUP_SECONDS=${WARMUP_SECONDS:-20} NC_WARMUP=${NC_WARMUP:-3} BULK_WARMUP=${BULK_WARMUP:-15}
ON_SERVER="" ON_LAPTOP=""
if [[ ${PINNED:-0} == 1 ]]; then
  LAPTOP_CPUS=${LAPTOP_CPUS:-0} SERVER_CPUS=${SERVER_CPUS:-1}
  export LOADGEN_CPUS=$LAPTOP_CPUS ORIGIN_CPUS=$SERVER_CPUS
  unset PROXY_CPUS
  ON_SERVER="taskset -c $SERVER_CPUS" ON_LAPTOP="taskset -c $LAPTOP_CPUS"
  # A JVM started on one CPU sizes itself for a one-CPU box (serial GC, one JIT thread, fewer event loops);
  # a laptop or a server has more cores than the one this run lends it, so let the JVMs size for this machine.
  JVM_CPUS="-XX:ActiveProcessorCount=$(nproc)"
fi
SERVER="$ON_SERVER ${SERVER/java /java ${JVM_CPUS:-} }" CLIENT="$ON_LAPTOP ${CLIENT/java /java ${JVM_CPUS:-} }"

# The harness stops its target by process group, so both JVMs of the two-hop run live in one group. The two
# setups alternate HOP_ROUNDS times, so that a machine whose speed drifts (a shared VM) drifts for both.
dirs=()
for ((r = 1; r <= ${HOP_ROUNDS:-1}; r++)); do
  TARGET_NAME=one-hop TARGET_CMD="$SERVER" TARGET_HTTP_PROXY=127.0.0.1:7080 TARGET_SOCKS_PROXY=127.0.0.1:7180 \
    RESULTS_DIR="$W/one-hop.$r" bash "$PEER_BENCH" > "$W/one-hop.$r.log" 2>&1 || { cat "$W/one-hop.$r.log"; exit 1; }
  TARGET_NAME=two-hop TARGET_CMD="bash -c '$SERVER & exec $CLIENT'" \
    TARGET_HTTP_PROXY=127.0.0.1:7380 TARGET_SOCKS_PROXY=127.0.0.1:7381 \
    RESULTS_DIR="$W/two-hop.$r" bash "$PEER_BENCH" > "$W/two-hop.$r.log" 2>&1 || { cat "$W/two-hop.$r.log"; exit 1; }
  dirs+=("$W/one-hop.$r" "$W/two-hop.$r")
done
echo "== $([[ ${PINNED:-0} == 1 ]] && echo "pinned: laptop CPUs $LAPTOP_CPUS, server CPUs $SERVER_CPUS" || echo unpinned)," \
  "${HOP_ROUNDS:-1} alternation(s)"
bash "$PEER_BENCH" --report "${dirs[@]}"
# Bulk MB/s of each setup (mean over its rounds) and two-hop / one-hop, the figure the client is judged by.
cat "${dirs[@]/%//results.tsv}" | awk -F'\t' '
  $3 ~ /^bulk_(http|ctls|craw|socks)_MBps$/ && $4 != "FAIL" && $4 != "" { sum[$2, $3] += $4; n[$2, $3]++ }
  END {
    split("http ctls craw socks", kinds, " ")
    printf "\n| bulk MB/s | one-hop | two-hop | two-hop / one-hop |\n|---|---|---|---|\n"
    for (i = 1; i <= 4; i++) {
      m = "bulk_" kinds[i] "_MBps"
      if (!n["one-hop", m] || !n["two-hop", m]) continue
      a = sum["one-hop", m] / n["one-hop", m]; b = sum["two-hop", m] / n["two-hop", m]
      printf "| %s | %.0f | %.0f | %.2fx |\n", kinds[i], a, b, b / a
    }
  }'

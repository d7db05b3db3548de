#!/usr/bin/env bash
# Issue 4 benchmark (not a test): what does chaining cost? Runs ../shared/bench/peer-bench.sh twice with
# no peers: once against the server alone (one hop) and once against a client whose every route goes to
# that server (curl -> client -> server -> origin, two hops), then prints both tables.
# Usage: bash bench/two-hop.sh [PEER_BENCH]   (build first: mvn -B -q -DskipTests package)
# Knobs of peer-bench.sh pass through (BULK_N, SKIP_NEWCONN, WARMUP_SECONDS...).
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
export PEERS=none WARMUP_SECONDS=${WARMUP_SECONDS:-10} NC_WARMUP=${NC_WARMUP:-3} BULK_WARMUP=${BULK_WARMUP:-3}

# The harness stops its target by process group, so both JVMs of the two-hop run live in one group.
TARGET_NAME=one-hop TARGET_CMD="$SERVER" TARGET_HTTP_PROXY=127.0.0.1:7080 TARGET_SOCKS_PROXY=127.0.0.1:7180 \
  RESULTS_DIR="$W/one-hop" bash "$PEER_BENCH" > "$W/one-hop.log" 2>&1 || { cat "$W/one-hop.log"; exit 1; }
TARGET_NAME=two-hop TARGET_CMD="bash -c '$SERVER & exec $CLIENT'" \
  TARGET_HTTP_PROXY=127.0.0.1:7380 TARGET_SOCKS_PROXY=127.0.0.1:7381 \
  RESULTS_DIR="$W/two-hop" bash "$PEER_BENCH" > "$W/two-hop.log" 2>&1 || { cat "$W/two-hop.log"; exit 1; }
for run in one-hop two-hop; do
  echo "== $run"
  cat "$W/$run/table.md" 2>/dev/null || tail -40 "$W/$run.log"
done

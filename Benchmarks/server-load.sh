#!/usr/bin/env bash
# Load benchmark of the demo server (not a test): ballots/second and p50/p99 latency of the
# cast-ballot endpoint against the trivial GET /health, at 64 connections, on loopback.
#
#   swift build -c release --product demo-server
#   Benchmarks/server-load.sh            # DURATION=10s CONNECTIONS=64 VOTERS=256 PORT=18080
#
# Starts its own release server on 127.0.0.1 with a fresh SQLite file in a temporary
# directory, registers VOTERS citizens (each accepts the charter), then runs wrk twice for a
# bounded time. Needs wrk (Debian: apt-get install wrk), curl and jq.
set -euo pipefail

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
VOTERS=${VOTERS:-256}
PORT=${PORT:-18080}
BASE=http://127.0.0.1:$PORT
BINARY=${BINARY:-$(swift build -c release --product demo-server --show-bin-path)/demo-server}
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

"$BINARY" --host 127.0.0.1 --port "$PORT" --database "$WORK/bench.sqlite" > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 50); do curl -sf "$BASE/health" > /dev/null && break; sleep 0.1; done

BUDGET=$(curl -sf "$BASE/tenants/demo/processes" | jq -r '.items[] | select(.kind == "participatoryBudget") | .id')
PROJECT=$(curl -sf "$BASE/tenants/demo/processes/$BUDGET/ballot-list" | jq -r '.projects[0].propositionID')

# Voters: registered, charter accepted; wrk cycles through their tokens.
TOKENS=()
for i in $(seq "$VOTERS"); do
    token=$(curl -sf -X POST "$BASE/tenants/demo/participants" -H 'Content-Type: application/json' \
        -d "{\"displayName\":\"Voter $i\",\"profile\":{\"birthDate\":\"1990-01-01T00:00:00Z\",\"statuses\":[\"resident\"]}}" | jq -r .token)
    curl -sf -X POST "$BASE/tenants/demo/charters/current/acceptance" -H "Authorization: Bearer $token" > /dev/null
    TOKENS+=("\"$token\"")
done

# Each voter's request is formatted once per wrk thread, in init: formatting it per request
# (Lua string work in wrk) cost wrk about 8 µs a request on the cores the server shares.
cat > "$WORK/ballot.lua" <<LUA
local tokens = { $(IFS=,; echo "${TOKENS[*]}") }
local requests = {}
local counter = 0
init = function(args)
    local body = '{"choices":[{"propositionID":"$PROJECT"}]}'
    for i, token in ipairs(tokens) do
        requests[i] = wrk.format("POST", "/tenants/demo/processes/$BUDGET/ballots",
            { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
    end
end
request = function()
    counter = counter + 1
    return requests[(counter % #requests) + 1]
end
LUA

server_cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }

run() { # NAME, wrk arguments…: prints "requests/s p50 p99 server-CPU-µs-per-request"
    local name=$1; shift
    local before after
    before=$(server_cpu_ticks)
    /usr/bin/time -f "%U %S" -o "$WORK/$name.wrk-cpu" \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" > "$WORK/$name.txt"
    after=$(server_cpu_ticks)
    if grep -q "Non-2xx" "$WORK/$name.txt"; then
        echo "warning: $name had non-2xx responses: $(grep Non-2xx "$WORK/$name.txt")" >&2
    fi
    local rps p50 p99
    rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/$name.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$WORK/$name.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$WORK/$name.txt")
    local requests cpu wrk_cpu
    requests=$(awk '/requests in/ {print $1}' "$WORK/$name.txt")
    cpu=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')
    wrk_cpu=$(awk -v n="$requests" '{ printf "%.0f", ($1 + $2) * 1e6 / n }' "$WORK/$name.wrk-cpu")
    echo "$rps $p50 $p99 $cpu $wrk_cpu"
}

read -r HEALTH_RPS HEALTH_P50 HEALTH_P99 HEALTH_CPU HEALTH_WRK_CPU < <(run health "$BASE/health")
read -r BALLOT_RPS BALLOT_P50 BALLOT_P99 BALLOT_CPU BALLOT_WRK_CPU < <(run ballot -s "$WORK/ballot.lua" "$BASE")
COUNTED=$(curl -sf "$BASE/tenants/demo/processes/$BUDGET/tally" \
    -H "Authorization: Bearer $(grep -o 'Dominique Agent[^:]*: demo_[0-9a-f]*' "$WORK/server.log" | awk '{print $NF}')" | jq .ballots)

printf '\n%s connections, %s threads, %s per endpoint, %s voters, SQLite file, release build, 127.0.0.1\n' \
    "$CONNECTIONS" "$THREADS" "$DURATION" "$VOTERS"
printf '%-26s %12s %10s %10s %16s %14s\n' endpoint "requests/s" p50 p99 "server CPU/req" "wrk CPU/req"
printf '%-26s %12s %10s %10s %13s µs %11s µs\n' "GET /health" "$HEALTH_RPS" "$HEALTH_P50" "$HEALTH_P99" "$HEALTH_CPU" "$HEALTH_WRK_CPU"
printf '%-26s %12s %10s %10s %13s µs %11s µs\n' "POST …/ballots" "$BALLOT_RPS" "$BALLOT_P50" "$BALLOT_P99" "$BALLOT_CPU" "$BALLOT_WRK_CPU"
printf 'ballots counted after the run: %s (one per voter; later casts replace earlier ones)\n' "$COUNTED"
awk -v b="$BALLOT_RPS" -v h="$HEALTH_RPS" 'BEGIN { printf "ratio ballots/s : health/s = %.3f\n", b / h }'

#!/usr/bin/env bash
# Walks the seeded participatory budget end to end with curl, against a running demo server.
#
#   swift run demo-server 2>&1 | tee demo-server.log     # in another terminal, on an empty database
#   Docs/demo-walkthrough.sh                              # reads the tokens from demo-server.log
#
# Tokens can also be given directly: ADMIN_TOKEN, AGENT_TOKEN, ALICE_TOKEN, BILAL_TOKEN, CHLOE_TOKEN.
# Needs curl and jq. BASE defaults to http://127.0.0.1:8080.
set -euo pipefail

BASE=${BASE:-http://127.0.0.1:8080}
LOG=${SERVER_LOG:-demo-server.log}
TENANT=demo

token_of() { # the seeded token of the account whose name starts with $1, from the server log
    grep -o "demo token for $1[^:]*: demo_[0-9a-f]*" "$LOG" | tail -1 | awk '{print $NF}'
}
ADMIN_TOKEN=${ADMIN_TOKEN:-$(token_of Camille)}
AGENT_TOKEN=${AGENT_TOKEN:-$(token_of Dominique)}
ALICE_TOKEN=${ALICE_TOKEN:-$(token_of Alice)}
BILAL_TOKEN=${BILAL_TOKEN:-$(token_of Bilal)}
CHLOE_TOKEN=${CHLOE_TOKEN:-$(token_of Chlo)}
[ -n "$ADMIN_TOKEN" ] && [ -n "$ALICE_TOKEN" ] || { echo "no tokens: start the server on an empty database with its log in $LOG" >&2; exit 1; }

step() { printf '\n== %s\n' "$*"; }
call() { # METHOD PATH [TOKEN] [JSON]: prints the status and the body
    local method=$1 path=$2 token=${3:-} body=${4:-}
    local args=(-s -w '\n%{http_code}' -X "$method" "$BASE$path")
    [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
    [ -n "$body" ] && args+=(-H 'Content-Type: application/json' -d "$body")
    local out; out=$(curl "${args[@]}")
    echo "HTTP ${out##*$'\n'}" >&2
    printf '%s\n' "${out%$'\n'*}"
}

step "The server answers"
call GET /health | jq -c .

step "The demo tenant and its processes"
call GET /tenants/$TENANT | jq -c '{name, districts: [.districts[].name]}'
BUDGET=$(call GET "/tenants/$TENANT/processes" | jq -r '.items[] | select(.kind == "participatoryBudget") | .id' | head -1)
call GET "/tenants/$TENANT/processes/$BUDGET" | jq -c '{title, currentPhaseID, voteRules, voteLocked}'

step "The ballot: admissible projects and their costs (cents)"
LIST=$(call GET "/tenants/$TENANT/processes/$BUDGET/ballot-list")
echo "$LIST" | jq -c '.projects[]'
P1=$(echo "$LIST" | jq -r '.projects[0].propositionID')
P2=$(echo "$LIST" | jq -r '.projects[1].propositionID')
P3=$(echo "$LIST" | jq -r '.projects[2].propositionID')

step "Alice votes for two projects online"
call POST "/tenants/$TENANT/processes/$BUDGET/ballots" "$ALICE_TOKEN" "{\"choices\":[{\"propositionID\":\"$P1\"},{\"propositionID\":\"$P2\"}]}" | jq -c '{id, channel, choices}'

step "Alice changes her mind: the latest online ballot counts"
call POST "/tenants/$TENANT/processes/$BUDGET/ballots" "$ALICE_TOKEN" "{\"choices\":[{\"propositionID\":\"$P3\"}]}" | jq -c '{choices}'
call GET "/tenants/$TENANT/processes/$BUDGET/my-ballot" "$ALICE_TOKEN" | jq -c '{choices}'

step "A ballot with four projects is refused with the exact reason (approval, at most 3)"
call POST "/tenants/$TENANT/processes/$BUDGET/ballots" "$BILAL_TOKEN" \
    "{\"choices\":[{\"propositionID\":\"$P1\"},{\"propositionID\":\"$P2\"},{\"propositionID\":\"$P3\"},{\"propositionID\":\"$(echo "$LIST" | jq -r '.projects[3].propositionID')\"}]}" | jq -c .

step "Bilal votes with an agent's help at the town hall"
BILAL_ID=$(call GET "/tenants/$TENANT/me" "$BILAL_TOKEN" | jq -r .id)
AGENT_ID=$(call GET "/tenants/$TENANT/me" "$AGENT_TOKEN" | jq -r .id)
call POST "/tenants/$TENANT/processes/$BUDGET/assisted-ballots" "$AGENT_TOKEN" \
    "{\"voterID\":\"$BILAL_ID\",\"choices\":[{\"propositionID\":\"$P2\"}]}" | jq -c '{channel}'

step "A paper batch: Chloé's ballot counts, a second one for Bilal is refused and kept as a conflict"
CHLOE_ID=$(call GET "/tenants/$TENANT/me" "$CHLOE_TOKEN" | jq -r .id)
call POST "/tenants/$TENANT/processes/$BUDGET/paper-batches" "$AGENT_TOKEN" \
    "{\"station\":\"Mairie\",\"batch\":\"B-001\",\"ballots\":[{\"voterID\":\"$CHLOE_ID\",\"choices\":[{\"propositionID\":\"$P1\"}]},{\"voterID\":\"$BILAL_ID\",\"choices\":[{\"propositionID\":\"$P1\"}]}]}" | jq -c .
call GET "/tenants/$TENANT/processes/$BUDGET/ballot-conflicts" "$AGENT_TOKEN" | jq -c '.items[] | {voterID, keptChannel: .keptChannel.kind, refusedChannel: .refusedChannel.kind}'

step "Results stay hidden from the public until publication; staff see the counts"
call GET "/tenants/$TENANT/processes/$BUDGET/results" | jq -c .
call GET "/tenants/$TENANT/processes/$BUDGET/tally" "$AGENT_TOKEN" | jq -c .

step "The vote rules are locked now that the vote has opened"
call PUT "/tenants/$TENANT/processes/$BUDGET/vote-rules" "$ADMIN_TOKEN" '{"ballot":{"format":"knapsack"}}' | jq -c .

step "The administrator closes the vote; the audit log shows who did what"
call POST "/tenants/$TENANT/processes/$BUDGET/phases/vote/close" "$ADMIN_TOKEN" | jq -c '{currentPhaseID, phases: [.phases[] | {id, state}]}'
call GET "/tenants/$TENANT/audit?subject=process:$BUDGET" "$ADMIN_TOKEN" | jq -c '.items[] | {action, details}'

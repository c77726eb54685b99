#!/usr/bin/env bash
# Walks the seeded demo end to end with curl, against a running demo server: the participatory
# budget's vote, results, realisation and accounts; the petition; propositions and their
# contributions, tags and a synthesis; a votation, a questionnaire, news and the host's
# notification outbox; personal data, the tenant archive and a retention run.
#
#   swift run demo-server 2>&1 | tee demo-server.log     # in another terminal, on an empty database
#   Docs/demo-walkthrough.sh                              # reads the tokens from demo-server.log
#
# Tokens can also be given directly: ADMIN_TOKEN, AGENT_TOKEN, ALICE_TOKEN, BILAL_TOKEN, CHLOE_TOKEN,
# and HOST_TOKEN (the outbox).
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
HOST_TOKEN=${HOST_TOKEN:-$(grep -o 'host token (creates tenants): [^ ]*' "$LOG" | tail -1 | awk '{print $NF}')}
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

step "Before publishing, the administrator checks the count, and what Phragmén's rule would select"
call GET "/tenants/$TENANT/processes/$BUDGET/count" "$ADMIN_TOKEN" | jq -c '[.scopes[] | {selected, totalCost}]'
call GET "/tenants/$TENANT/processes/$BUDGET/count?rule=phragmen" "$ADMIN_TOKEN" | jq -c '{rule, selected: [.scopes[].selected]}'

step "Results: the administrator counts and publishes; projects become retained or not"
call POST "/tenants/$TENANT/processes/$BUDGET/results/publication" "$ADMIN_TOKEN" | jq -c '{rule, scopes: [.scopes[] | {selected, totalCost, ballots}]}'
call GET "/tenants/$TENANT/processes/$BUDGET/published-result" | jq -c '{rule, publishedAt}'
call GET "/tenants/$TENANT/propositions/$P1/status-history" | jq -c '[.items[] | {status, justification}]'
call GET "/tenants/$TENANT/processes/$BUDGET/pabulib" "$ALICE_TOKEN" | jq -r .pabulib | head -8

step "Realisation: the agent records the works; anyone follows the timeline"
WINNER=$(call GET "/tenants/$TENANT/processes/$BUDGET/published-result" | jq -r '.scopes[0].selected[0]')
call POST "/tenants/$TENANT/propositions/$WINNER/realisation-events" "$AGENT_TOKEN" \
    '{"kind":"worksStarted","on":"2026-10-01T00:00:00Z","progressPercent":20,"spentToDate":1500000,"note":"Chantier ouvert"}' | jq -c '{state, progressPercent, spent}'
call GET "/tenants/$TENANT/propositions/$WINNER/realisation" | jq -c '{state, events: [.events[] | {kind, on}]}'

step "Accounts: statistics, representativeness against a census, open data, public draw"
call GET "/tenants/$TENANT/processes/$BUDGET/statistics" "$ADMIN_TOKEN" | jq -c '{uniqueParticipants, ballotsByChannel, offlineShare}'
call POST "/tenants/$TENANT/processes/$BUDGET/representativeness" "$ADMIN_TOKEN" \
    '{"byDistrict":{"centre":1200,"nord":900,"sud":700},"byAge":[{"from":16,"to":34,"eligible":1000},{"from":35,"eligible":1800}]}' \
    | jq -c '{districts: [.byDistrict.groups[] | {group, participants}], dissimilarity: .byDistrict.dissimilarityIndex.exact}'
call POST "/tenants/$TENANT/processes/$BUDGET/open-data" "$ADMIN_TOKEN" '{"secret":"le secret de la commune","minimumGroupSize":2}' \
    | jq -c '[.tables[] | {name, rows: (.rows | length)}]'
call POST /public-draw '' '{"seed":"comite-2026","list":["Alice","Bilal","Chloé","Dominique"],"count":2}' | jq -c .

step "The budget is archived: readable, never changed again"
call POST "/tenants/$TENANT/processes/$BUDGET/archive" "$ADMIN_TOKEN" '{"retentionDays":730}' | jq -c '{title, revision}'
call POST "/tenants/$TENANT/processes/$BUDGET/archive" "$ADMIN_TOKEN" '{}' | jq -c .

step "The seeded petition: eligible residents sign; Chloé, who only works here, cannot"
PETITIONS=$(call GET "/tenants/$TENANT/processes" | jq -r '.items[] | select(.kind == "petition") | .id' | head -1)
PETITION=$(grep -o "seeded the petition '[^']*'" "$LOG" | tail -1 | cut -d"'" -f2)
call GET "/tenants/$TENANT/petitions/$PETITION" | jq -c '{title, status, signatureCount, threshold}'
call POST "/tenants/$TENANT/petitions/$PETITION/signatures" "$BILAL_TOKEN" | jq -c '{count: .petition.signatureCount}'
call POST "/tenants/$TENANT/petitions/$PETITION/signatures" "$CHLOE_TOKEN" | jq -c .

step "A new resident registers, accepts the charter and signs: the threshold is reached"
ZOE_TOKEN=$(call POST "/tenants/$TENANT/participants" '' \
    '{"displayName":"Zoé Roux","profile":{"birthDate":"1999-03-03T00:00:00Z","districtID":"nord","statuses":["resident"]}}' | jq -r .token)
call POST "/tenants/$TENANT/charters/current/acceptance" "$ZOE_TOKEN" > /dev/null
call POST "/tenants/$TENANT/petitions/$PETITION/signatures" "$ZOE_TOKEN" | jq -c '{status: .petition.status, statusChange}'

step "The council sends it to a votation; the history keeps every step"
call POST "/tenants/$TENANT/petitions/$PETITION/decision" "$ADMIN_TOKEN" '{"decision":"sendToVotation","justification":"Le conseil consulte les habitants."}' | jq -c '{status}'
call GET "/tenants/$TENANT/petitions/$PETITION/status-history" | jq -c '[.items[] | {status, justification}]'

step "Propositions in the petition process: a draft, published, supported, commented, answered"
PROP=$(call POST "/tenants/$TENANT/processes/$PETITIONS/propositions" "$ALICE_TOKEN" \
    '{"title":"Un composteur de quartier","body":"Au square Jean-Jaurès.","estimatedCost":150000,"districtID":"centre"}' | jq -r .id)
call POST "/tenants/$TENANT/propositions/$PROP/publication" "$ALICE_TOKEN" | jq -c '{lifecycle, status}'
call PUT "/tenants/$TENANT/propositions/$PROP" "$ALICE_TOKEN" \
    '{"title":"Deux composteurs de quartier","body":"Au square Jean-Jaurès et rue Haute.","estimatedCost":300000,"districtID":"centre"}' | jq -c '{title, version}'
call POST "/tenants/$TENANT/propositions/$PROP/support" "$BILAL_TOKEN" | jq -c .
call GET "/tenants/$TENANT/processes/$PETITIONS/support-tally" | jq -c .
COMMENT=$(call POST "/tenants/$TENANT/processes/$PETITIONS/comments" "$BILAL_TOKEN" \
    "{\"subject\":\"proposition:$PROP\",\"body\":\"Qui videra les bacs ?\",\"stance\":\"neutral\"}" | jq -r .id)
call PUT "/tenants/$TENANT/comments/$COMMENT/my-vote" "$ALICE_TOKEN" '{"value":"up"}' | jq -c .
call POST "/tenants/$TENANT/processes/$PETITIONS/official-answers" "$AGENT_TOKEN" \
    "{\"subject\":\"proposition:$PROP\",\"body\":\"Le service propreté, chaque semaine.\",\"onBehalfOf\":\"Service propreté\"}" | jq -c '{role, onBehalfOf}'
call GET "/tenants/$TENANT/processes/$PETITIONS/comments?subject=proposition:$PROP" | jq -c '[.items[] | {body: .comment.body, replies: (.replies | length)}]'

step "The reviewer judges it, adjusts its cost with a reason; versions and history stay public"
call POST "/tenants/$TENANT/propositions/$PROP/review" "$AGENT_TOKEN" '{"status":"admissible","justification":"Faisable, terrain municipal."}' | jq -c '{status}'
call PUT "/tenants/$TENANT/propositions/$PROP/estimated-cost" "$AGENT_TOKEN" '{"estimatedCost":320000,"reason":"Devis reçu."}' | jq -c '{estimatedCost, version}'
call GET "/tenants/$TENANT/propositions/$PROP/versions" | jq -c '[.items[] | {number, estimatedCost, note}]'

step "Themes and a synthesis: the reviewer tags what was said, writes, the élu validates, the administrator publishes"
call POST "/tenants/$TENANT/processes/$PETITIONS/tags" "$AGENT_TOKEN" "{\"contribution\":\"proposition:$PROP\",\"tag\":\"propreté\"}" | jq -c '{contribution, tag}'
call POST "/tenants/$TENANT/processes/$PETITIONS/tags" "$AGENT_TOKEN" "{\"contribution\":\"comment:$COMMENT\",\"tag\":\"propreté\"}" | jq -c '{contribution, tag}'
call GET "/tenants/$TENANT/processes/$PETITIONS/tag-groups" | jq -c '.items'
SYNTHESIS=$(call POST "/tenants/$TENANT/processes/$PETITIONS/syntheses" "$AGENT_TOKEN" '{"title":"Ce que nous avons entendu"}' | jq -r .id)
call PUT "/tenants/$TENANT/syntheses/$SYNTHESIS" "$AGENT_TOKEN" \
    "{\"title\":\"Ce que nous avons entendu\",\"points\":[{\"id\":\"compost\",\"title\":\"Composter dans le quartier\",\"body\":\"Demandé, avec la question de l'entretien.\",\"citations\":[\"proposition:$PROP\",\"comment:$COMMENT\"]}]}" | jq -c '{state, points: (.points | length)}'
call POST "/tenants/$TENANT/syntheses/$SYNTHESIS/validation" "$AGENT_TOKEN" | jq -c '{state, validatedBy}'
call POST "/tenants/$TENANT/syntheses/$SYNTHESIS/publication" "$ADMIN_TOKEN" | jq -c '{state, publishedAt}'
call GET "/tenants/$TENANT/processes/$PETITIONS/citations?contribution=proposition:$PROP" | jq -c '[.items[] | {synthesisTitle, point: .point.title}]'

step "A votation: the administrator opens a process, residents vote yes or no"
VOTATION_PROCESS=$(call POST "/tenants/$TENANT/processes" "$ADMIN_TOKEN" \
    '{"kind":"votation","title":"Votation de juin","phases":[{"id":"vote","name":"Vote","kind":"vote","allowedActions":["vote"]}]}' | jq -r .id)
call POST "/tenants/$TENANT/processes/$VOTATION_PROCESS/phases/vote/open" "$ADMIN_TOKEN" > /dev/null
VOTATION=$(call POST "/tenants/$TENANT/processes/$VOTATION_PROCESS/votations" "$ADMIN_TOKEN" \
    "{\"title\":\"Marché du dimanche\",\"minimumInFavour\":2,\"questions\":[{\"id\":\"q1\",\"text\":\"Un marché le dimanche matin ?\",\"petitionID\":\"$PETITION\"}]}" | jq -r .id)
call POST "/tenants/$TENANT/votations/$VOTATION/ballots" "$ALICE_TOKEN" '{"answers":{"q1":"yes"}}' | jq -c .
call POST "/tenants/$TENANT/votations/$VOTATION/ballots" "$BILAL_TOKEN" '{"answers":{"q1":"yes"}}' | jq -c .
call GET "/tenants/$TENANT/votations/$VOTATION/results" | jq -c '.items[] | {inFavour, against, adopted}'

step "A questionnaire that takes citizens' questions"
QPROCESS=$(call POST "/tenants/$TENANT/processes" "$ADMIN_TOKEN" \
    '{"kind":"questionnaire","title":"Vos mobilités","phases":[{"id":"answers","name":"Réponses","kind":"consultation","allowedActions":["answer"]}]}' | jq -r .id)
call POST "/tenants/$TENANT/processes/$QPROCESS/phases/answers/open" "$ADMIN_TOKEN" > /dev/null
QUESTIONNAIRE=$(call POST "/tenants/$TENANT/processes/$QPROCESS/questionnaires" "$ADMIN_TOKEN" \
    '{"title":"Vos mobilités","acceptsCitizenQuestions":true,"questions":[{"id":"mode","text":"Comment venez-vous ?","kind":"singleChoice","options":["Vélo","Bus","Voiture"],"required":true}]}' | jq -r .id)
call PUT "/tenants/$TENANT/questionnaires/$QUESTIONNAIRE/my-answers" "$ALICE_TOKEN" '{"answers":{"mode":{"choice":0}}}' | jq -c .
call POST "/tenants/$TENANT/questionnaires/$QUESTIONNAIRE/questions" "$BILAL_TOKEN" \
    '{"text":"Quel jour pour le marché ?","kind":"singleChoice","options":["Samedi","Dimanche"]}' | jq -c '[.questions[] | .text]'
call GET "/tenants/$TENANT/questionnaires/$QUESTIONNAIRE/results" | jq -c '[.items[] | {q: .question.text, respondents, choiceCounts}]'

step "Follows and news: Alice consents, follows the petition process, hears of its news"
call PUT "/tenants/$TENANT/me/consents" "$ALICE_TOKEN" '{"followNotifications":true,"contactReuse":false}' > /dev/null
call POST "/tenants/$TENANT/me/follows" "$ALICE_TOKEN" "{\"target\":\"process:$PETITIONS\"}" | jq -c .
call PUT "/tenants/$TENANT/me/notification-frequency" "$ALICE_TOKEN" '{"frequency":"immediate"}' | jq -c .
call POST "/tenants/$TENANT/processes/$PETITIONS/news" "$ADMIN_TOKEN" '{"title":"Débat en conseil le 12 juin","body":"Séance publique à 18 h."}' | jq -c '{title}'
call GET "/tenants/$TENANT/processes/$PETITIONS/news" | jq -c '[.items[] | .title]'

step "The host's outbox (host token): due notifications and digests, then acknowledged"
DUE=$(call GET "/tenants/$TENANT/outbox/notifications" "$HOST_TOKEN")
echo "$DUE" | jq -c '[.items[] | {recipientID, kind, summary}]'
call GET "/tenants/$TENANT/outbox/digests" "$HOST_TOKEN" | jq -c '[.items[] | {recipientID, frequency, count: (.notifications | length)}]'
call POST "/tenants/$TENANT/outbox/acknowledgements" "$HOST_TOKEN" "$(echo "$DUE" | jq -c '{ids: [.items[].id]}')" | jq -c .
call GET "/tenants/$TENANT/outbox/notifications" "$HOST_TOKEN" | jq -c '{remaining: (.items | length)}'

step "Personal data: Alice reads what is held about her; the administrator exports the tenant; the host runs retention"
call GET "/tenants/$TENANT/participants/$(call GET "/tenants/$TENANT/me" "$ALICE_TOKEN" | jq -r .id)/personal-data" "$ALICE_TOKEN" \
    | jq -c '{name: .participant.displayName, propositions: (.propositions | length), comments: (.comments | length), ballots: (.ballots | length)}'
call GET "/tenants/$TENANT/archive" "$ADMIN_TOKEN" | jq -c '{format, tenant: .tenant.id, participants: (.participants | length), auditEntries: (.auditLog | length)}'
call POST /retention-runs "$HOST_TOKEN" '{}' | jq -c .

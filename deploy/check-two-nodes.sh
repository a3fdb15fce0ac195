#!/usr/bin/env bash
# Checks a running two-node deployment (deploy/two-nodes.sh start) from outside, through nginx and against each node
# directly: one sign-in serves both nodes, an antiforgery token of one node is accepted by the other, a file uploaded
# through one node is read through the other, each background job's lease has one holder, and a policy version applied
# on node A is in force on node B within seconds, without a restart. Prints PASS/FAIL per check; exits 1 on a FAIL.
#
#   ADMIN_EMAIL=… ADMIN_PASSWORD=… ADMIN_TOKEN=ict_… PG="Host=…;…;Database=…" deploy/check-two-nodes.sh
#
# The Admin signs in by the login form, so the nodes must run with Security:RequireTwoFactorForAdmins=false (a
# throwaway deployment), or use a non-Admin account for ADMIN_EMAIL. ADMIN_TOKEN is an Admin's personal access token
# (the API checks). PG is the nodes' Npgsql connection string (read with psql for the leases).
# Environment: NGINX_URL [http://127.0.0.1:5470], NODE_A [http://127.0.0.1:5471], NODE_B [http://127.0.0.1:5472],
# RUNTIME [deploy/run] (for the nodes' logs), LEASE_SECONDS [10] (how long the lease holders are watched).
set -euo pipefail
cd "$(dirname "$0")/.."
NGINX_URL=${NGINX_URL:-http://127.0.0.1:5470}
NODE_A=${NODE_A:-http://127.0.0.1:5471}
NODE_B=${NODE_B:-http://127.0.0.1:5472}
RUNTIME=${RUNTIME:-deploy/run}
LEASE_SECONDS=${LEASE_SECONDS:-10}
: "${ADMIN_EMAIL:?}" "${ADMIN_PASSWORD:?}" "${ADMIN_TOKEN:?}" "${PG:?}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; failed=1; }
token_of() { grep -oP 'name="__RequestVerificationToken"[^>]*value="\K[^"]+' "$1" | head -1; }
who_answered() { # PATH — the upstream nginx logged for the newest request of PATH
  grep -F "\"$1" "$RUNTIME/nginx/access.log" | tail -1 | grep -oP 'upstream=\K\S+' || echo '?'
}

# psql from the Npgsql connection string (Host, Port, Username, Password, Database).
pg() {
  local kv k v host= port= user= pass= db=
  IFS=';' read -ra kv <<<"$PG"
  for k in "${kv[@]}"; do
    v=${k#*=}; k=$(echo "${k%%=*}" | tr 'A-Z' 'a-z' | tr -d ' ')
    case $k in host|server) host=$v ;; port) port=$v ;; username|user*id|user) user=$v ;; password) pass=$v ;; database) db=$v ;; esac
  done
  PGPASSWORD=$pass psql -X -q -A -t -h "$host" -p "${port:-5432}" -U "$user" -d "$db" "$@"
}

echo "== sign-in through nginx, then the cookie on each node"
jar=$work/cookies
curl -s -c "$jar" -b "$jar" "$NGINX_URL/Account/Login" >"$work/login.html"
first=$(who_answered "GET /Account/Login")
code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
  --data-urlencode "Input.Email=$ADMIN_EMAIL" --data-urlencode "Input.Password=$ADMIN_PASSWORD" \
  --data-urlencode "__RequestVerificationToken=$(token_of "$work/login.html")" "$NGINX_URL/Account/Login")
second=$(who_answered "POST /Account/Login")
if [ "$code" = 302 ]; then pass "signed in through nginx (form from $first, posted to $second)"; else fail "sign-in through nginx answered $code"; fi
grep -q 'innocenter\.auth' "$jar" || fail "no sign-in cookie (innocenter.auth) was set"
for node in "$NGINX_URL" "$NODE_A" "$NODE_B"; do
  me=$(curl -s -b "$jar" -w ' %{http_code}' "$node/api/v1/account/me")
  if [ "${me##* }" = 200 ] && [ "$(jq -r .email <<<"${me% *}")" = "$ADMIN_EMAIL" ]; then
    pass "the cookie signs in at $node (/api/v1/account/me is $ADMIN_EMAIL)"
  else
    fail "the cookie at $node: ${me##* }"
  fi
done

echo "== antiforgery: a token issued by node A, accepted by node B"
# The login form of node A posted to node B (a sign-in of its own, anonymous token).
jar2=$work/cookies2
curl -s -c "$jar2" -b "$jar2" "$NODE_A/Account/Login" >"$work/login-a.html"
code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar2" -b "$jar2" \
  --data-urlencode "Input.Email=$ADMIN_EMAIL" --data-urlencode "Input.Password=$ADMIN_PASSWORD" \
  --data-urlencode "__RequestVerificationToken=$(token_of "$work/login-a.html")" "$NODE_B/Account/Login")
if [ "$code" = 302 ]; then pass "node A's login form posted to node B signs in (302)"; else fail "node A's login form posted to node B: $code"; fi
# A signed-in page's token from node A on an API write to node B (cookie + RequestVerificationToken header).
curl -s -b "$jar" -c "$jar" "$NODE_A/Organizations/Create" >"$work/create-a.html"
form_token=$(token_of "$work/create-a.html")
credit=$(python3 deploy/uscc.py)
code=$(curl -s -o "$work/org.json" -w '%{http_code}' -b "$jar" -c "$jar" -H "RequestVerificationToken: $form_token" \
  -H 'Content-Type: application/json' \
  -d "{\"creditCode\":\"$credit\",\"name\":\"双节点检查单位${credit:10:8}\",\"type\":\"Enterprise\",\"region\":\"Tianjin\",\"districtCode\":\"120116\"}" \
  "$NODE_B/api/v1/organizations")
if [ "$code" = 201 ]; then pass "an API write on node B with node A's antiforgery token and the cookie: 201 ($credit)"; else fail "API write on node B with node A's token: $code $(head -c 300 "$work/org.json")"; fi
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -H 'Content-Type: application/json' -d '{}' "$NODE_B/api/v1/organizations")
if [ "$code" = 403 ]; then pass "the same write without the token is refused (403)"; else fail "the write without a token answered $code"; fi

echo "== the file store: written through node A, read through node B"
# A policy document with an attachment, published by the Admin's form (multipart, as a browser sends it) on node A.
curl -s -b "$jar" -c "$jar" "$NODE_A/Portal/Manage/DocumentNew" >"$work/doc-a.html"
printf '%%PDF-1.4\n%% two-node check %s\n%%%%EOF\n' "$(date -u +%FT%T.%N)" >"$work/attachment.pdf"
sha=$(sha256sum "$work/attachment.pdf" | cut -d' ' -f1)
location=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" -c "$jar" \
  -F "__RequestVerificationToken=$(token_of "$work/doc-a.html")" -F "Input.Title=双节点检查文件 $(date -u +%T)" \
  -F "Input.Publisher=天津市工业和信息化局" -F "Input.IssuedOn=$(TZ=Asia/Shanghai date +%F)" -F "Input.Body=两个节点共用一个文件库。" \
  -F "files=@$work/attachment.pdf;type=application/pdf" "$NODE_A/Portal/Manage/DocumentNew")
doc=${location##*/}
if [ "${location%% *}" = 302 ] && [ -n "$doc" ]; then pass "published document $doc with a PDF through node A's form"; else fail "publishing on node A: $location"; fi
url=$(curl -s "$NODE_B/api/v1/portal/documents/$doc" | jq -r '.attachments[0].url')
got=$(curl -s "$NODE_B$url" | sha256sum | cut -d' ' -f1)
if [ "$got" = "$sha" ]; then pass "node B serves the attachment $url with the same bytes (sha256 ${sha:0:16}…)"; else fail "node B's bytes of $url differ ($got against $sha)"; fi
got=$(curl -s "$NGINX_URL$url" | sha256sum | cut -d' ' -f1)
[ "$got" = "$sha" ] && pass "nginx serves them too (from $(who_answered "GET $url"))" || fail "nginx's bytes of $url differ"

echo "== background jobs: one holder per lease (watched for ${LEASE_SECONDS} s)"
auth=(-H "Authorization: Bearer $ADMIN_TOKEN")
: >"$work/leases"
for _ in $(seq 1 "$LEASE_SECONDS"); do
  pg -F $'\t' -c 'select "Name", "Holder", "ExpiresAt" > now() from "JobLeases" order by 1' >>"$work/leases"
  sleep 1
done
pg -c 'select "Name", "Holder", "ExpiresAt" from "JobLeases" order by 1' | sed 's/^/      /'
# The table's key is the job's name, so two nodes can never hold one lease at the same moment; what a person wants
# to see is that the holder of a live lease stays put (no flapping between nodes) and which process it is.
awk -F'\t' '$3 == "t" { print $1 "\t" $2 }' "$work/leases" | sort -u >"$work/held"
for name in $(cut -f1 "$work/held" | sort -u); do
  holders=$(awk -F'\t' -v n="$name" '$1 == n' "$work/held" | wc -l)
  if [ "$holders" = 1 ]; then
    pass "lease $name held by one process throughout: $(awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$work/held")"
  else
    fail "lease $name changed holder while held: $(awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$work/held" | tr '\n' ' ')"
  fi
done
for d in "$RUNTIME"/node*/; do
  pid=$(cat "$d/pid" 2>/dev/null || echo '-')
  echo "      $(basename "$d") (pid $pid) logged: $(grep -hoE '^(info|warn): InnoCenter[^[]*' "$d/node.log" | sed 's/^.*\.//' | sort | uniq -c | tr -s ' ' | tr '\n' ',' | sed 's/,$//')"
done
# The sweeps run on each node's timer, one at a time under the lease; what they leave must be there once.
dup=$(pg -c 'select (select count(*) - count(distinct ("GrantId", "Kind", "SubjectEn")) from "FundWarnings" where "ResolvedAt" is null)
  + (select count(*) - count(distinct ("Kind", "SubjectId", "DueOn")) from "SentReminders")')
if [ "$dup" = 0 ]; then
  pass "no open fund warning and no sent reminder twice ($(pg -c 'select count(*) from "FundWarnings" where "ResolvedAt" is null') open warnings, $(pg -c 'select count(*) from "SentReminders"') reminders)"
else
  fail "$dup fund warnings or reminders recorded twice"
fi
pending=$(curl -s "${auth[@]}" "$NGINX_URL/api/v1/audit?pageSize=1" | jq -r .pending)
verify=$(curl -s -X POST "${auth[@]}" "$NGINX_URL/api/v1/audit/verify")
if [ "$(jq -r .intact <<<"$verify")" = true ]; then
  pass "audit chain intact: $(jq -c '{checked, lastSequence, signedHeadSequence, pending}' <<<"$verify") (pending before: $pending)"
else
  fail "audit chain: $verify"
fi

echo "== policy: a version applied on node A is in force on node B within seconds"
current=$(curl -s "${auth[@]}" "$NODE_A/api/v1/policy")
version=$(jq -r .version.version <<<"$current")
days=$(jq -r '.json | fromjson | .reminders.returnedUnansweredDays' <<<"$current")
section=$(jq -c --argjson d $((days + 1)) '.json | fromjson | .reminders | .returnedUnansweredDays = $d' <<<"$current")
proposed=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' \
  -d "$(jq -cn --argjson v "$version" --arg s "$section" '{baseVersion: $v, section: "reminders", json: $s, note: "two-node check"}')" \
  "$NODE_A/api/v1/policy/versions")
id=$(jq -r .id <<<"$proposed")
new_version=$(jq -r .version <<<"$proposed")
[ "$id" != null ] || { fail "proposing a version on node A: $proposed"; exit 1; }
before_b=$(curl -s "${auth[@]}" "$NODE_B/api/v1/policy" | jq -r .version.version)
t0=$(date +%s%N)
applied=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" -H 'Content-Type: application/json' \
  -d "{\"effectiveFrom\":\"$(TZ=Asia/Shanghai date +%F)\"}" "$NODE_A/api/v1/policy/versions/$id/apply")
[ "$applied" = 200 ] || fail "applying version $new_version on node A answered $applied"
seen=
for _ in $(seq 1 300); do
  if [ "$(curl -s "${auth[@]}" "$NODE_B/api/v1/policy" | jq -r .version.version)" = "$new_version" ]; then seen=$(( ($(date +%s%N) - t0) / 1000000 )); break; fi
  sleep 0.1
done
if [ -n "$seen" ]; then
  pass "version $new_version applied on node A; node B (on version $before_b before) has it in force after $seen ms, no restart"
else
  fail "node B did not take version $new_version within 30 s"
fi
grep -h "is now in force on this node" "$RUNTIME"/node*/node.log | tail -2 | sed 's/^/      /' || true

echo
[ "$failed" = 0 ] && echo "all checks passed" || { echo "some checks FAILED"; exit 1; }

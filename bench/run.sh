#!/usr/bin/env bash
# InnoCenter load harness (issue 7). Builds Release, generates the databases it lacks, starts the app on each with the
# benchmark configuration, signs in, warms up, drives every read of bench/endpoints.d/*.tsv with wrk (16 connections,
# 2 threads) against the floor endpoint, runs bench/timed.d/*.sh, times cold start on an empty database, and writes
# bench/data/report.md. Timing is measured here, never asserted in tests.
#
#   bash bench/run.sh                       # city national export coldstart
#   bash bench/run.sh city                  # any subset, in the order given
#   bash bench/run.sh writes                # the write benchmark (bench/writes.d) on the city data, audit chain verified
#
# Environment: BENCH_DURATION (seconds per read, 10), BENCH_WARMUP (seconds, 3), BENCH_CONNECTIONS (16),
# BENCH_THREADS (2), BENCH_PORT (5391), BENCH_SEED (42), BENCH_REGENERATE=1 (regenerate databases that exist),
# BENCH_PROVIDER=Postgres with BENCH_PG="Host=…;Port=…;Username=…" (a database per scale, dropped afterwards unless
# BENCH_KEEP=1 — kept to look at a slow read's plans in psql; the next run makes it anew either way),
# BENCH_SERVER_ARGS="--Key=value …" (more settings for the server under test),
# BENCH_ONLY=REGEX (measure only the reads whose name matches, plus the floor; skips timed.d — for checking one fix;
# with `writes`, only the write scripts whose file name matches), BENCH_WRITES_SCALE (the data `writes` runs on, city),
# BENCH_BASE_URL=http://host:port (measure a server started elsewhere — e.g. nginx before two nodes, deploy/two-nodes.sh —
# on the generated database: the harness generates it if its samples are missing and stops, then measures without
# starting, restarting or dropping anything; timed.d and the peak RSS are left out), BENCH_TAG=name (suffix of the
# result files, so runs through nginx and against one node stand side by side).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
data="$root/bench/data"
mkdir -p "$data"

duration=${BENCH_DURATION:-10}
warmup=${BENCH_WARMUP:-3}
connections=${BENCH_CONNECTIONS:-16}
threads=${BENCH_THREADS:-2}
port=${BENCH_PORT:-5391}
seed=${BENCH_SEED:-42}
provider=${BENCH_PROVIDER:-Sqlite}
base=${BENCH_BASE_URL:-http://127.0.0.1:$port}
external=${BENCH_BASE_URL:+1}
# Result files of a PostgreSQL run carry the provider in their names, so both sets can stand side by side.
tag=; [ "$provider" = Sqlite ] || tag="-$(echo "$provider" | tr 'A-Z' 'a-z')"
tag+=${BENCH_TAG:+-$BENCH_TAG}
web_dll="$root/src/InnoCenter.Web/bin/Release/net10.0/InnoCenter.Web.dll"
gen_dll="$root/bench/InnoCenter.Bench.Generator/bin/Release/net10.0/InnoCenter.Bench.Generator.dll"
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(city national export coldstart)

command -v wrk >/dev/null || { echo "bench: installing wrk"; apt-get install -y -qq --no-upgrade wrk >/dev/null; }
for tool in curl jq unzip; do command -v "$tool" >/dev/null || { echo "bench: $tool is needed"; exit 1; }; done

server_pid=
stop_server() {
  if [ -n "$external" ]; then server_pid=; return; fi
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=
}
trap stop_server EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# start_server CONNECTION FILES_ROOT LOG — starts the Release build, returns once /healthz answers 200.
start_server() {
  if [ -n "$external" ]; then
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz" || true)" = 200 ] || { echo "bench: no /healthz 200 from $base"; exit 1; }
    return 0
  fi
  if curl -s -o /dev/null "$base/healthz"; then
    echo "bench: something already listens on $base"; exit 1
  fi
  ASPNETCORE_ENVIRONMENT=Production dotnet "$web_dll" \
    --Urls="$base" --Database:Provider="$provider" "--ConnectionStrings:Default=$1" \
    --Bench:Enabled=true --Jobs:NoticeClosingSeconds=0 "--Files:Root=$2" --Security:RequireTwoFactorForAdmins=false \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.AspNetCore=Error ${BENCH_SERVER_ARGS:-} >"$3" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 6000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz" || true)" = 200 ]; then
      return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || { echo "bench: the server stopped:"; tail -20 "$3"; exit 1; }
    sleep 0.01
  done
  echo "bench: no /healthz 200 within a minute"; tail -20 "$3"; exit 1
}

connection_for() {
  if [ "$provider" = Postgres ]; then
    echo "${BENCH_PG:?BENCH_PG is needed for BENCH_PROVIDER=Postgres};Database=innocenter_bench_$1"
  else
    echo "Data Source=$data/$1.db"
  fi
}

samples_for() { if [ "$provider" = Postgres ]; then echo "$data/$1-postgres.env"; else echo "$data/$1.db.env"; fi; }

generate() {
  local scale=$1 samples
  samples=$(samples_for "$scale")
  if [ -f "$samples" ] && [ "${BENCH_REGENERATE:-0}" != 1 ] && { [ "$provider" = Sqlite ] || [ -n "$external" ]; }; then
    echo "bench: using the existing $scale database (BENCH_REGENERATE=1 to make it anew)"
    return
  fi
  local t0; t0=$(now_ms)
  dotnet "$gen_dll" --scale "$scale" --provider "$provider" --connection "$(connection_for "$scale")" --seed "$seed" --reset \
    --samples "$samples" --files "${samples%.env}.files" | tee "$data/generate-$scale.log" | grep -E '^\[|done in|^Done'
  echo "bench: generated $scale in $(( ($(now_ms) - t0) / 1000 )) s"
  if [ -n "$external" ]; then
    echo "bench: now start the server on $(connection_for "$scale") with --Files:Root=${samples%.env}.files --Bench:Enabled=true"
    echo "       --Security:RequireTwoFactorForAdmins=false --Jobs:NoticeClosingSeconds=0, and run this again"
    exit 0
  fi
}

drop_generated() {
  [ "$provider" = Postgres ] && [ -z "$external" ] && [ "${BENCH_KEEP:-0}" != 1 ] || return 0
  dotnet "$gen_dll" --scale "$1" --provider Postgres --connection "$(connection_for "$1")" --drop >/dev/null
}

urlencode() { jq -rn --arg v "$1" '$v|@uri'; }

# Signs in through the login form like a browser; prints the Cookie header value. The server runs with
# Security:RequireTwoFactorForAdmins=false: in Production an Admin signed in by the cookie without two-factor sign-in is
# sent to /Account/TwoFactor (302) from every page, and the bench Admin has no authenticator, so every cookie read
# answered 302 (the funds pages were the first to be noticed). The requirement is one claim check per request.
sign_in_cookie() {
  local jar page token code
  jar=$(mktemp)
  page=$(curl -s -c "$jar" -b "$jar" "$base/Account/Login")
  token=$(grep -oP 'name="__RequestVerificationToken"[^>]*value="\K[^"]+' <<<"$page" | head -1)
  code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "Input.Email=$BENCH_ADMIN_EMAIL" --data-urlencode "Input.Password=$BENCH_ADMIN_PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login")
  [ "$code" = 302 ] || { echo "bench: signing in answered $code" >&2; exit 1; }
  sed 's/^#HttpOnly_//' "$jar" | awk -F'\t' 'NF == 7 && $1 !~ /^#/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }'
  rm -f "$jar"
}

# measure NAME AUTH PATH — one read: a check that it answers 200, a warm-up, then the measured run. Appends a TSV row.
measure() {
  local name=$1 auth=$2 path=$3 hdr=(-H "Accept-Language: zh-CN") code line
  if [ -z "$external" ] && ! kill -0 "$server_pid" 2>/dev/null; then
    # Another process on a shared machine may end ours; say so in the report and go on with a new one.
    echo "  (the server process ended before '$name'; restarting it)" | tee -a "$data/restarts-$current_scale$tag.txt"
    start_server "${current_server[@]}"
  fi
  case $auth in
    token) hdr+=(-H "Authorization: Bearer $BENCH_ADMIN_TOKEN") ;;
    # A fresh sign-in for each read, as a browser keeps the cookie the server renews: the security stamp is checked
    # once a minute (SecurityStampValidatorOptions), and a cookie older than that, sent unchanged for the rest of the
    # run, made every page read check it again — the user, claims and roles read and a new cookie encrypted per
    # request (national, the funds warning page: 250 req/s with the run's first cookie, 361 with a fresh one).
    cookie) cookie=$(sign_in_cookie); hdr+=(-H "Cookie: $cookie") ;;
  esac
  code=$(curl -s -o /dev/null -w '%{http_code}' "${hdr[@]}" "$base$path")
  if [ "$code" != 200 ]; then
    printf '%s\t%s\t-\t-\t-\t-\tHTTP %s\n' "$name" "$auth" "$code" >>"$results"
    echo "  $name: HTTP $code — not measured"
    return
  fi
  wrk -t"$threads" -c"$connections" -d"${warmup}s" "${hdr[@]}" "$base$path" >/dev/null || true
  line=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s -s "$root/bench/wrk/report.lua" "${hdr[@]}" "$base$path" | grep '^BENCH' || true)
  if [ -z "$line" ] || { [ -z "$external" ] && ! kill -0 "$server_pid" 2>/dev/null; }; then
    printf '%s\t%s\t-\t-\t-\t-\tserver ended during the run\n' "$name" "$auth" >>"$results"
    echo "  $name: the server ended during the run"
    return
  fi
  read -r _ _ rps p50 p95 p99 errors <<<"$line"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$auth" "$rps" "$p50" "$p95" "$p99" "$errors" >>"$results"
  printf '  %-48s %9s req/s  p50 %7s  p95 %7s  p99 %7s ms  errors %s\n' "$name" "$rps" "$p50" "$p95" "$p99" "$errors"
}

run_scale() {
  local scale=$1 samples
  generate "$scale"
  samples=$(samples_for "$scale")
  # The previous scale's samples must not leak into this one (an id it lacks would be taken from the last scale).
  if [ -n "${loaded_samples:-}" ]; then
    for v in $(sed -n 's/^\(BENCH_[A-Z0-9_]*\)=.*/\1/p' "$loaded_samples"); do
      [ "$v" = BENCH_SEED ] || unset "$v"
    done
  fi
  set -a
  # shellcheck disable=SC1090
  . "$samples"
  set +a
  loaded_samples=$samples
  # The samples record the files' absolute path where the data was generated; a database copied into another worktree
  # would serve (and write into) the generating worktree's files. The files beside the samples are this data's own.
  if [ -d "${samples%.env}.files" ]; then
    BENCH_FILES_ROOT=$(cd "${samples%.env}.files" && pwd)
    export BENCH_FILES_ROOT
  fi
  echo "bench: $scale — starting the server${external:+ (no: measuring $base)}"
  current_scale=$scale
  current_server=("$(connection_for "$scale")" "$BENCH_FILES_ROOT" "$data/server-$scale$tag.log")
  rm -f "$data/restarts-$scale$tag.txt"
  start_server "${current_server[@]}"
  results="$data/results-$scale$tag.tsv"
  : >"$results"
  if [ "$scale" != export ]; then
    cookie=$(sign_in_cookie)
    measure "floor: one primary-key read" anon "/bench/floor/$BENCH_ORGANIZATION_ID"
    local f name auth path key var missing
    for f in "$root"/bench/endpoints.d/*.tsv; do
      while IFS=$'\t' read -r name auth path; do
        [[ -z "$name" || "$name" == \#* ]] && continue
        missing=
        while [[ "$path" =~ \{([A-Z_]+)\} ]]; do
          key=${BASH_REMATCH[1]}
          var="BENCH_$key"
          if [ -z "${!var-}" ]; then missing=$key; break; fi
          path=${path//\{$key\}/$(urlencode "${!var}")}
        done
        if [ -n "${BENCH_ONLY:-}" ] && ! [[ "$name" =~ $BENCH_ONLY ]]; then
          continue
        fi
        if [ -n "$missing" ]; then
          printf '%s\t%s\t-\t-\t-\t-\tnot generated (%s)\n' "$name" "$auth" "$missing" >>"$results"
          continue
        fi
        measure "$name" "$auth" "$path"
      done <"$f"
    done
  fi
  local peak; peak=$(awk '/^VmHWM/ {print $2}' "/proc/$server_pid/status" 2>/dev/null || echo 0)
  echo "$(( peak / 1024 ))" >"$data/peak-rss-$scale$tag.txt"
  : >"$data/timed-$scale$tag.md"
  for f in "$root"/bench/timed.d/*.sh; do
    [ -e "$f" ] && [ -z "${BENCH_ONLY:-}" ] && [ -z "$external" ] || continue
    BASE_URL=$base SERVER_PID=$server_pid SCALE=$scale bash "$f" | tee -a "$data/timed-$scale$tag.md"
  done
  stop_server
  drop_generated "$scale"
}

# ---- writes: bench/writes.d/*.lua, each a wrk script whose every request is a distinct valid write ------------------
# measure_write NAME SCRIPT — a 2 s warm-up (its own salt, so its writes never meet the measured ones), then the measured
# run; appends a TSV row: name, req/s, p50, p95, p99, errors (socket + non-2xx other than 409), 2xx, 409s, statuses.
measure_write() {
  local name=$1 script=$2 line
  if ! kill -0 "$server_pid" 2>/dev/null; then
    printf '%s\t-\t-\t-\t-\t-\t-\t-\tthe server had ended\n' "$name" >>"$results"; return
  fi
  write_salt=$((write_salt + 1))
  WRITE_SALT=$write_salt WRITE_WARM=1 wrk -t"$threads" -c"$connections" -d2s --timeout 10s -s "$script" "$base" >/dev/null || true
  [ -n "${WRITE_DRAFTS:-}" ] && refresh_drafts
  write_salt=$((write_salt + 1))
  line=$(WRITE_SALT=$write_salt wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s -s "$script" "$base" | grep '^BENCH' || true)
  if [ -z "$line" ] || ! kill -0 "$server_pid" 2>/dev/null; then
    printf '%s\t-\t-\t-\t-\t-\t-\t-\tserver ended during the run\n' "$name" >>"$results"
    echo "  $name: the server ended during the run"; return
  fi
  read -r _ _ rps p50 p95 p99 errors ok conflicts statuses <<<"$line"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p95" "$p99" "$errors" "$ok" "$conflicts" "$statuses" >>"$results"
  printf '  %-44s %8s req/s  p50 %7s  p95 %7s ms  2xx %6s  409 %5s  errors %s  (%s)\n' "$name" "$rps" "$p50" "$p95" "$ok" "$conflicts" "$errors" "$statuses"
}

api() { # api TOKEN PATH [curl args…] — a JSON answer of the server under test
  local token=$1 path=$2; shift 2
  curl -s -H "Authorization: Bearer $token" -H "Accept-Language: zh-CN" "$@" "$base$path"
}

# The drafts the update script edits, with the versions they have now ("id version" lines).
refresh_drafts() {
  local id
  : >"$WRITE_DRAFTS.new"
  while read -r id _; do
    echo "$id $(api "$BENCH_LEDGER_KEEPER_TOKEN" "/api/v1/applications/$id" | jq -r '.summary.version')" >>"$WRITE_DRAFTS.new"
  done <"$WRITE_DRAFTS"
  mv "$WRITE_DRAFTS.new" "$WRITE_DRAFTS"
}

# What the write scripts need besides the generator's samples, looked up through the API as the writers see it.
prepare_writes() {
  local today d id i
  export BENCH_ROOT=$root WRITE_THREADS=$threads
  WRITE_COUNTERPARTY=$(api "$BENCH_ADMIN_TOKEN" "/api/v1/organizations/$BENCH_ORGANIZATION_ID" | jq -r .creditCode)
  # Bookable by the booker: its own center's resources and those open to outside users, untrained users welcome.
  WRITE_RESOURCES=$(api "$BENCH_RESOURCE_BOOKER_TOKEN" "/api/v1/resources?pageSize=100" | jq -r --arg c "${BENCH_RESOURCE_CENTER_ID:-}" \
    '[.items[] | select((.needsTraining | not) and (.isRetired | not) and (.centerId == $c or .openToOutside)) | .id] | join(" ")')
  d=$(TZ=Asia/Shanghai date -d '+2 days' +%F)
  WRITE_DAY0=$(date -d "TZ=\"Asia/Shanghai\" $d 00:00" +%s)
  WRITE_WEEKDAY0=$(( $(TZ=Asia/Shanghai date -d "$d" +%u) - 1 ))
  today=$(TZ=Asia/Shanghai date +%F)
  WRITE_TODAY=$today
  WRITE_GRANTS=
  for id in $(api "${BENCH_FUNDS_KEEPER_TOKEN:-}" "/api/v1/funds/grants?pageSize=100" | jq -r '.items[]? | select(.status == "InExecution") | .id'); do
    WRITE_GRANTS="$WRITE_GRANTS $(api "$BENCH_FUNDS_KEEPER_TOKEN" "/api/v1/funds/grants/$id" | jq -r --arg t "$today" \
      '"\(.id):\(.lines[0].category):\(if .periodTo < $t then .periodTo elif .periodFrom > $t then .periodFrom else $t end)"')"
  done
  export WRITE_COUNTERPARTY WRITE_RESOURCES WRITE_DAY0 WRITE_WEEKDAY0 WRITE_GRANTS WRITE_TODAY
  # Drafts for the update script: made here, one request at a time, version 0.
  WRITE_DRAFTS="$data/writes-drafts.txt"; export WRITE_DRAFTS
  : >"$WRITE_DRAFTS"
  for i in $(seq 1 "${WRITE_DRAFTS_N:-64}"); do
    id=$(api "$BENCH_LEDGER_KEEPER_TOKEN" /api/v1/applications -H 'Content-Type: application/json' -d \
      "{\"centerName\":\"天津市压测制造业创新中心草稿$i\",\"keyArea\":\"high-end-equipment\",\"industryDivision\":\"C35\",\"planSummary\":\"压测\",\"goals\":\"压测\",\"members\":[],\"indicators\":[]}" | jq -r .id)
    echo "$id 0" >>"$WRITE_DRAFTS"
  done
}

# audit_state — "lastSequence pending intact checked" from the verification endpoint.
audit_state() {
  api "$BENCH_ADMIN_TOKEN" /api/v1/audit/verify -X POST | jq -r '"\(.lastSequence) \(.pending) \(.intact) \(.checked) \(.breaks | length)"'
}

run_writes() {
  local scale=${BENCH_WRITES_SCALE:-city} samples connection files f name
  generate "$scale"
  samples=$(samples_for "$scale")
  set -a
  # shellcheck disable=SC1090
  . "$samples"
  set +a
  # On SQLite the writes go to a copy, so the read benchmark's database stays as generated (PostgreSQL's is made anew
  # for each run and dropped afterwards anyway).
  files="$data/writes-$scale$tag.files"
  rm -rf "$files"
  if [ -d "${samples%.env}.files" ]; then cp -r "${samples%.env}.files" "$files"; else mkdir -p "$files"; fi
  if [ "$provider" = Postgres ]; then
    connection=$(connection_for "$scale")
  else
    rm -f "$data/writes-$scale.db" "$data/writes-$scale.db-wal" "$data/writes-$scale.db-shm"
    cp "$data/$scale.db" "$data/writes-$scale.db"
    connection="Data Source=$data/writes-$scale.db"
  fi
  echo "bench: writes on $scale — starting the server"
  current_scale=writes
  current_server=("$connection" "$files" "$data/server-writes$tag.log")
  start_server "${current_server[@]}"
  results="$data/results-writes$tag.tsv"
  : >"$results"
  write_salt=$(( $(date +%s) % 500 * 2 ))
  # The floor as in the read runs; its row has the read table's shape (name, auth, req/s, p50, p95, p99, errors).
  local floor_results="$data/results-writes-floor$tag.tsv"
  results=$floor_results; : >"$results"
  measure "floor: one primary-key read" anon "/bench/floor/$BENCH_ORGANIZATION_ID"
  results="$data/results-writes$tag.tsv"
  prepare_writes
  echo "  (booking over $(wc -w <<<"$WRITE_RESOURCES") resources, expenditures over $(wc -w <<<"$WRITE_GRANTS") grants, $(wc -l <"$WRITE_DRAFTS") drafts to update)"
  local before; before=$(audit_state)
  for f in "$root"/bench/writes.d/*.lua; do
    name=$(basename "$f" .lua)
    if [ -n "${BENCH_ONLY:-}" ] && ! [[ "$name" =~ $BENCH_ONLY ]]; then continue; fi
    measure_write "$name" "$f"
  done
  # The sealer seals what the writers appended about once a second; wait until nothing is pending, then verify.
  local after pending t0; t0=$(now_ms)
  while :; do
    after=$(audit_state); read -r _ pending _ <<<"$after"
    { [ "$pending" = 0 ] || [ $(( $(now_ms) - t0 )) -gt 120000 ]; } && break
    sleep 1
  done
  local seq0 seq1 intact checked breaks
  read -r seq0 _ <<<"$before"
  read -r seq1 pending intact checked breaks <<<"$after"
  printf 'after the writes: %s audit rows written and sealed (sequence %s to %s), %s pending; verify: intact=%s, %s rows checked, %s breaks; sealed within %s s of the last write\n' \
    "$((seq1 - seq0))" "$seq0" "$seq1" "$pending" "$intact" "$checked" "$breaks" "$(( ($(now_ms) - t0) / 1000 ))" | tee "$data/audit-writes$tag.txt"
  local peak; peak=$(awk '/^VmHWM/ {print $2}' "/proc/$server_pid/status" 2>/dev/null || echo 0)
  echo "$(( peak / 1024 ))" >"$data/peak-rss-writes$tag.txt"
  stop_server
  drop_generated "$scale"
}

writes_table() {
  local floor; floor=$(cut -f3 "$data/results-writes-floor$tag.tsv" | head -1)
  echo "| write | req/s | × floor | p50 ms | p95 ms | p99 ms | 2xx | 409 | errors | statuses |"
  echo '|---|--:|--:|--:|--:|--:|--:|--:|--:|---|'
  awk -F'\t' '{ printf "| floor: one primary-key read | %s | 100 %% | %s | %s | %s | | | %s | |\n", $3, $4, $5, $6, $7 }' "$data/results-writes-floor$tag.tsv"
  awk -F'\t' -v floor="$floor" '{ ratio = ($2 ~ /^[0-9.]+$/ && floor > 0) ? sprintf("%.0f %%", 100 * $2 / floor) : "-";
    printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, ratio, $3, $4, $5, $7, $8, $6, $9 }' "$data/results-writes$tag.tsv"
}

# cold_start LABEL DLL — three starts, each on a new empty SQLite file; records the median in coldstart-LABEL.txt.
cold_start_of() {
  local label=$1 dll=$2 dir="$data/coldstart" times=() t0 t1 i
  for i in 1 2 3; do
    rm -rf "$dir"; mkdir -p "$dir"
    t0=$(now_ms)
    web_dll=$dll INNOCENTER_ADMIN_PASSWORD=ColdStart2026x provider=Sqlite start_server "Data Source=$dir/empty.db" "$dir/files" "$data/server-coldstart.log"
    t1=$(now_ms)
    times+=($(( t1 - t0 )))
    stop_server
  done
  rm -rf "$dir"
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p >"$data/coldstart-$label.txt"
  echo "bench: cold start ($label) to the first /healthz 200: ${times[*]} ms (median $(cat "$data/coldstart-$label.txt"))"
}

cold_start() {
  # The yardstick first: `dotnet new web` with a /healthz, started the same way (issue 17: the bar is ≤ 5× it).
  dotnet build -c Release "$root/bench/InnoCenter.Bench.EmptyWeb" -v q -nologo >/dev/null
  cold_start_of empty "$root/bench/InnoCenter.Bench.EmptyWeb/bin/Release/net10.0/InnoCenter.Bench.EmptyWeb.dll"
  cold_start_of build "$web_dll"
  # The same app published ReadyToRun (precompiled), as a deployment would ship it.
  echo "bench: publishing ReadyToRun for the second cold-start figure"
  dotnet publish "$root/src/InnoCenter.Web" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$data/publish-r2r" -v q -nologo >/dev/null
  cold_start_of r2r "$data/publish-r2r/InnoCenter.Web.dll"
}

table() { # TSV of one scale → Markdown, with the ratio to the floor
  local tsv=$1
  echo '| read | auth | req/s | p50 ms | p95 ms | p99 ms | errors | × floor |'
  echo '|---|---|--:|--:|--:|--:|--:|--:|'
  awk -F'\t' 'NR == 1 { floor = $3 } { ratio = ($3 ~ /^[0-9.]+$/ && floor > 0) ? sprintf("%.0f %%", 100 * $3 / floor) : "-";
    printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, ratio }' "$tsv"
}

report() {
  local out="$data/report$tag.md" s
  {
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"); provider $provider;"
    echo "wrk -t$threads -c$connections -d${duration}s after a ${warmup}s warm-up per read; $(date -u '+%Y-%m-%d %H:%M UTC'); load average before: $load_before."
    for s in city national; do
      [ -f "$data/results-$s$tag.tsv" ] || continue
      echo; echo "#### $s (server peak RSS $(cat "$data/peak-rss-$s$tag.txt") MB)"; echo
      [ -f "$data/restarts-$s$tag.txt" ] && { sed 's/^ */> /' "$data/restarts-$s$tag.txt"; echo; }
      table "$data/results-$s$tag.tsv"
    done
    if [ -f "$data/results-city$tag.tsv" ] && [ -f "$data/results-national$tag.tsv" ]; then
      echo; echo "#### national against city (p95)"; echo
      echo '| read | city p95 ms | national p95 ms | national ÷ city |'
      echo '|---|--:|--:|--:|'
      awk -F'\t' 'NR == FNR { c[$1] = $5; next } ($1 in c) && $5 ~ /^[0-9.]+$/ && c[$1] ~ /^[0-9.]+$/ {
        printf "| %s | %s | %s | %.1f× |\n", $1, c[$1], $5, (c[$1] > 0 ? $5 / c[$1] : 0) }' \
        "$data/results-city$tag.tsv" "$data/results-national$tag.tsv"
    fi
    if [ -f "$data/results-writes$tag.tsv" ]; then
      echo; echo "#### writes (${BENCH_WRITES_SCALE:-city} data, server peak RSS $(cat "$data/peak-rss-writes$tag.txt") MB)"; echo
      writes_table
      echo; sed 's/^/> /' "$data/audit-writes$tag.txt"
    fi
    echo; echo "#### timed operations"; echo
    echo '| operation | time | memory |'
    echo '|---|--:|---|'
    for s in city national export; do
      [ -f "$data/timed-$s$tag.md" ] && sed "s/^| /| $s: /" "$data/timed-$s$tag.md"
    done
    # Each start as a multiple of the empty app's, measured in the same run.
    local empty=; [ -f "$data/coldstart-empty.txt" ] && empty=$(cat "$data/coldstart-empty.txt")
    times_empty() { [ -n "$empty" ] && [ "$empty" -gt 0 ] && awk -v a="$1" -v b="$empty" 'BEGIN { printf "%.1f× the empty app", a / b }'; }
    [ -n "$empty" ] && echo "| cold start to the first /healthz 200, an empty \`dotnet new web\` app (median of 3) | $empty ms | |"
    [ -f "$data/coldstart-build.txt" ] && echo "| cold start to the first /healthz 200, empty SQLite, \`dotnet build -c Release\` output (median of 3) | $(cat "$data/coldstart-build.txt") ms | $(times_empty "$(cat "$data/coldstart-build.txt")") |"
    [ -f "$data/coldstart-r2r.txt" ] && echo "| cold start to the first /healthz 200, empty SQLite, ReadyToRun publish (median of 3) | $(cat "$data/coldstart-r2r.txt") ms | $(times_empty "$(cat "$data/coldstart-r2r.txt")") |"
  } >"$out"
  echo; cat "$out"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "bench: building Release"
dotnet build -c Release "$root/src/InnoCenter.Web" -v q -nologo >/dev/null
dotnet build -c Release "$root/bench/InnoCenter.Bench.Generator" -v q -nologo >/dev/null
for s in "${scales[@]}"; do
  case $s in
    city | national | export) run_scale "$s" ;;
    coldstart) cold_start ;;
    writes) run_writes ;;
    *) echo "bench: unknown step '$s' (city, national, export, coldstart, writes)"; exit 2 ;;
  esac
done
report

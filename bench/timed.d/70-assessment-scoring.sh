#!/usr/bin/env bash
# Times scoring a whole assessment cycle (set-based: the reports' values, panels and score items in a fixed number of
# queries, the domain calculator once, the results written in one transaction) through the API, and the server's peak
# memory while it runs. The generator leaves the last year's cycle filed, accepted and past its deadline, unscored.
# Contract: see 10-organisation-export.sh; prints nothing when the scale has no such cycle.
set -euo pipefail
[ -n "${BENCH_ASSESSMENT_CYCLE_ID-}" ] || exit 0
auth=(-H "Authorization: Bearer $BENCH_ADMIN_TOKEN" -H "Accept-Language: zh-CN")
echo 5 > "/proc/$SERVER_PID/clear_refs" 2>/dev/null || true
before=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status")
out=$(mktemp /tmp/innocenter-bench-score.XXXXXX.json)
trap 'rm -f "$out"' EXIT
start=$(date +%s%N)
code=$(curl -s -o "$out" -w '%{http_code}' -X POST "${auth[@]}" "$BASE_URL/api/v1/assessment/cycles/$BENCH_ASSESSMENT_CYCLE_ID/score")
end=$(date +%s%N)
peak=$(awk '/^VmHWM/ {print $2}' "/proc/$SERVER_PID/status")
scored=$(jq -r '.scored // "?"' "$out" 2>/dev/null || echo "?")
printf '| scoring the %s assessment cycle, %s centers (HTTP %s) | %d ms | peak RSS %d MB (%d MB before) |\n' \
  "${BENCH_ASSESSMENT_CYCLE_YEAR:-?}" "$scored" "$code" "$(( (end - start) / 1000000 ))" "$(( peak / 1024 ))" "$(( before / 1024 ))"

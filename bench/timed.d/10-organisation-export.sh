#!/usr/bin/env bash
# Times the organisation export (an .xlsx streamed from the database) on the running server, and the server's peak
# memory while it runs. Contract of a timed.d script: run by bench/run.sh once per scale with BASE_URL, SERVER_PID,
# SCALE and the generator's BENCH_* variables set; prints Markdown rows "| what | figure | memory |" (or nothing when
# its data is not at this scale).
set -euo pipefail
auth=(-H "Authorization: Bearer $BENCH_ADMIN_TOKEN" -H "Accept-Language: zh-CN")
rows=$(curl -sf "${auth[@]}" "$BASE_URL/api/v1/organizations?pageSize=1" | jq -r .total)
out=$(mktemp /tmp/innocenter-bench-export.XXXXXX.xlsx)
trap 'rm -f "$out"' EXIT
# Writing 5 to clear_refs resets VmHWM, so the peak read afterwards is the export's own.
echo 5 > "/proc/$SERVER_PID/clear_refs" 2>/dev/null || true
before=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status")
start=$(date +%s%N)
code=$(curl -s -o "$out" -w '%{http_code}' "${auth[@]}" "$BASE_URL/api/v1/organizations/export")
end=$(date +%s%N)
peak=$(awk '/^VmHWM/ {print $2}' "/proc/$SERVER_PID/status")
written=$(unzip -p "$out" xl/worksheets/sheet1.xml 2>/dev/null | grep -o '<x:row \|<row ' | wc -l || true)
printf '| organisation export, %s rows (HTTP %s, %s KiB, %s sheet rows incl. header) | %d ms | peak RSS %d MB (%d MB before) |\n' \
  "$rows" "$code" "$(( $(stat -c %s "$out") / 1024 ))" "$written" "$(( (end - start) / 1000000 ))" "$(( peak / 1024 ))" "$(( before / 1024 ))"

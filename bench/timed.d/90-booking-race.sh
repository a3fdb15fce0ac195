#!/usr/bin/env bash
# Fires 50 bookings of one slot and 50 overlapping bookings of different slots at one resource, all at once, through
# the API (issue 14: LibreBooking's double booking, #147, must never happen here). Reports how many were confirmed
# and refused, how many refusals were the 409 naming the conflicting booking, any other answer (a 5xx or a database-
# busy error would show there), and whether any two active bookings of the resource overlap afterwards.
# Contract: see 10-organisation-export.sh; prints nothing when the scale has no booker token.
set -euo pipefail
[ -n "${BENCH_RESOURCE_BOOKER_TOKEN-}" ] && [ -n "${BENCH_RESOURCE_ID-}" ] || exit 0
auth=(-H "Authorization: Bearer $BENCH_RESOURCE_BOOKER_TOKEN" -H "Accept-Language: zh-CN" -H "Content-Type: application/json")
dir=$(mktemp -d /tmp/innocenter-bench-race.XXXXXX)
trap 'rm -rf "$dir"' EXIT

# The first weekday 30–80 days ahead on which the resource has no booking yet, so a rerun on the same data races again.
day=
for offset in $(seq 30 80); do
  d=$(TZ=Asia/Shanghai date -d "+$offset days" +%F)
  [ "$(TZ=Asia/Shanghai date -d "$d" +%u)" -le 5 ] || continue
  from=$(date -u -d "$d 00:00 +0800" +%FT%TZ); to=$(date -u -d "$(date -d "$d + 1 day" +%F) 00:00 +0800" +%FT%TZ)
  n=$(curl -s "${auth[@]}" "$BASE_URL/api/v1/resources/$BENCH_RESOURCE_ID/calendar?from=$from&to=$to" | jq 'length' 2>/dev/null || echo x)
  if [ "$n" = 0 ]; then day=$d; break; fi
done
[ -n "$day" ] || { echo "| 100 parallel booking attempts | no free weekday found | |"; exit 0; }

at() { date -u -d "$day $1 +0800" +%FT%TZ; }
fire() { # fire N FROM TO TAG
  curl -s -o "$dir/$4.json" -w '%{http_code}\n' -X POST "${auth[@]}" \
    -d "{\"starts\":\"$(at "$2")\",\"ends\":\"$(at "$3")\",\"purpose\":\"并发预约测试\"}" \
    "$BASE_URL/api/v1/resources/$BENCH_RESOURCE_ID/bookings" >"$dir/$4.code"
}
start=$(date +%s%N)
for i in $(seq 1 50); do fire 1 09:00 11:00 "same$i" & done
# Different slots, each overlapping the first and some of each other, on the hour (the national pack's grid is 60 min).
slots=("09:00 10:00" "10:00 11:00" "10:00 12:00" "09:00 12:00" "10:00 13:00")
for i in $(seq 1 50); do
  read -r s e <<<"${slots[$(( i % ${#slots[@]} ))]}"
  fire 1 "$s" "$e" "overlap$i" &
done
wait
end=$(date +%s%N)

count() { cat "$dir"/*.code | grep -c "^$1$" || true; }
confirmed=$(count 201); conflict=$(count 409)
named=0
for f in "$dir"/*.json; do
  code=$(cat "${f%.json}.code")
  [ "$code" = 409 ] && grep -q 'resources.booking_overlap\|冲突' "$f" && named=$((named + 1))
done
other=$(( 100 - confirmed - conflict ))
from=$(at 00:00); to=$(date -u -d "$(date -d "$day + 1 day" +%F) 00:00 +0800" +%FT%TZ)
overlaps=$(curl -s "${auth[@]}" "$BASE_URL/api/v1/resources/$BENCH_RESOURCE_ID/calendar?from=$from&to=$to" | jq '
  [.[] | select(.status == "Pending" or .status == "Approved")] | sort_by(.starts) as $b
  | [range(1; $b | length) | select($b[.].starts < $b[. - 1].ends)] | length')
printf '| 100 parallel booking attempts of one resource on %s (50 of one slot, 50 overlapping) | %d ms | %s confirmed, %s refused with 409 (%s naming the conflicting booking), %s other answers, %s overlapping active bookings after |\n' \
  "$day" "$(( (end - start) / 1000000 ))" "$confirmed" "$conflict" "$named" "$other" "$overlaps"

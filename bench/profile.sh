#!/usr/bin/env bash
# Samples where a running server spends its CPU while wrk loads one read at 16 clients.
#
#   bench/profile.sh PID URL [curl-style header …]     e.g.
#   bench/profile.sh "$(pgrep -f 'Urls=http://127.0.0.1:5399')" http://127.0.0.1:5399/Funds/Warnings "Cookie: $cookie"
#
# Writes bench/data/profile.nettrace (+ .speedscope.json) and prints the top frames by CPU (bench/cpu-profile.py; pass
# PROFILE_ARGS='--callers SqliteConnectionPool' for a frame's callers). Needs the dotnet-trace global tool
# (`dotnet tool install -g dotnet-trace`). The profile is dotnet-sampled-thread-time (~100 Hz per thread): samples on
# CPU are told from waits, so the figures are shares of CPU, not of wall time. Measure a fix with bench/run.sh, not here.
set -euo pipefail
pid=$1 url=$2; shift 2
hdr=(); for h in "$@"; do hdr+=(-H "$h"); done
root=$(cd "$(dirname "$0")/.." && pwd); out=$root/bench/data/profile
trace=$(command -v dotnet-trace || echo "$HOME/.dotnet/tools/dotnet-trace")
wrk -t2 -c16 -d14s "${hdr[@]}" "$url" > "$out.wrk.txt" &
sleep 2
"$trace" collect -p "$pid" --profile dotnet-sampled-thread-time --duration 00:00:00:10 -o "$out.nettrace" > /dev/null
wait
grep -E 'Requests/sec' "$out.wrk.txt"
"$trace" convert "$out.nettrace" --format Speedscope -o "$out" > /dev/null
python3 "$root/bench/cpu-profile.py" "$out.speedscope.json" ${PROFILE_ARGS:-}

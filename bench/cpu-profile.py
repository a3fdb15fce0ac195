#!/usr/bin/env python3
"""Where a server's CPU went, from a dotnet-trace sampled-thread-time trace converted to speedscope JSON.

Only samples whose leaf is CPU_TIME count (threads waiting on a lock, a socket or the thread pool are left out).

  cpu-profile.py TRACE.speedscope.json                 top frames by inclusive and exclusive CPU
  cpu-profile.py TRACE.speedscope.json --filter TEXT   inclusive list restricted to frames containing TEXT
  cpu-profile.py TRACE.speedscope.json --callers TEXT  the callers (up to --depth frames) of the frames containing TEXT
"""
import argparse
import collections
import json

ap = argparse.ArgumentParser()
ap.add_argument("trace")
ap.add_argument("--filter", default="InnoCenter")
ap.add_argument("--callers")
ap.add_argument("--depth", type=int, default=6)
ap.add_argument("--top", type=int, default=30)
a = ap.parse_args()

doc = json.load(open(a.trace))
frames = [f["name"] for f in doc["shared"]["frames"]]
noise = ("AsyncMethodBuilderCore", "AsyncTaskMethodBuilder", "ExecutionContext")
incl, excl, callers = collections.Counter(), collections.Counter(), collections.Counter()
total = 0.0
for profile in doc["profiles"]:
    stack, last = [], None
    for e in profile["events"]:
        if last is not None and stack and frames[stack[-1]] == "CPU_TIME":
            w = e["at"] - last
            total += w
            for n in set(stack):
                incl[n] += w
            if len(stack) > 1:
                excl[stack[-2]] += w
            if a.callers:
                for k in range(len(stack) - 1, -1, -1):
                    if a.callers in frames[stack[k]]:
                        chain = [frames[n] for n in reversed(stack[:k]) if not any(s in frames[n] for s in noise)][: a.depth]
                        callers[" <- ".join(c.split("!")[-1][:100] for c in chain)] += w
                        break
        last = e["at"]
        if e["type"] == "O":
            stack.append(e["frame"])
        else:
            stack.pop()

print(f"CPU sampled: {total:.0f} ms")
if a.callers:
    for chain, w in callers.most_common(a.top):
        print(f"{100 * w / total:5.1f}%  {chain}\n")
else:
    print(f"--- inclusive, frames containing {a.filter!r}")
    shown = 0
    for n, w in incl.most_common():
        if a.filter in frames[n] and frames[n] != "CPU_TIME":
            print(f"{100 * w / total:5.1f}%  {frames[n][:160]}")
            shown += 1
            if shown >= a.top:
                break
    print("--- exclusive")
    for n, w in excl.most_common(a.top):
        print(f"{100 * w / total:5.1f}%  {frames[n][:160]}")

-- Counts every answer that is not a 200 (a redirect to the sign-in or error page is a failure here, though wrk itself
-- would count it as a success) and prints one machine-readable line when wrk is done:
-- BENCH requests requests/s p50 p95 p99 (ms) errors, where errors = socket errors (connect, read, write, timeout) + non-200s.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non200 = 0
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout
  for _, thread in ipairs(threads) do
    errors = errors + (thread:get("non200") or 0)
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("BENCH %d %.1f %.2f %.2f %.2f %d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors))
end

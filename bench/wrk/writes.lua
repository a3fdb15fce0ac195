-- The reporting half of every write script in bench/writes.d (each starts with
-- dofile(os.getenv("BENCH_ROOT") .. "/bench/wrk/writes.lua") and defines request(), and on_response(status, body) if it
-- tracks versions). Counts the answers by status and prints one machine-readable line when wrk is done:
-- BENCH requests requests/s p50 p95 p99 (ms) errors ok conflicts statuses
-- where ok = 2xx answers, conflicts = 409s (a lost update or a taken slot: the right answer, not a server error),
-- errors = socket errors (connect, read, write, timeout) + every other non-2xx, statuses = "201:9876,409:12".
--
-- Each request must be a distinct valid write. Helpers here give each request a number unique in the run:
-- next_n() counts per wrk thread, and tid (0, 1, …) and WRITE_SALT (per wrk invocation) tell threads and runs apart.
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

salt = tonumber(os.getenv("WRITE_SALT") or "0") or 0
nthreads = tonumber(os.getenv("WRITE_THREADS") or "2") or 2
codes = {}
local n = 0

-- A number unique across the threads of this wrk run: 0, 1, 2, … interleaved over the threads.
function next_n()
  local v = n * nthreads + (tid or 0)
  n = n + 1
  return v
end

function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

-- GB 32100 unified social credit codes (the algorithm of InnoCenter.Domain.Organizations.Uscc).
local ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
local WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 }
local ORG_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 }

-- GB 11714: the check character of an organisation code's first 8 characters (digits and capitals).
local function org_check(first8)
  local sum = 0
  for i = 1, 8 do
    local c = first8:byte(i)
    local v = (c <= 57) and (c - 48) or (c - 55) -- '0'..'9' or 'A'..'Z' (A = 10)
    sum = sum + v * ORG_WEIGHTS[i]
  end
  local check = 11 - sum % 11
  if check == 10 then return "X" elseif check == 11 then return "0" end
  return tostring(check)
end

local function uscc_check(first17)
  local sum = 0
  for i = 1, 17 do
    local v = ALPHABET:find(first17:sub(i, i), 1, true) - 1
    sum = sum + v * WEIGHTS[i]
  end
  local idx = (31 - sum % 31) % 31
  return ALPHABET:sub(idx + 1, idx + 1)
end

-- A base-31 rendering of v in `width` characters of the credit-code alphabet.
function base31(v, width)
  local out = {}
  for i = width, 1, -1 do
    local d = v % 31
    out[i] = ALPHABET:sub(d + 1, d + 1)
    v = math.floor(v / 31)
  end
  return table.concat(out)
end

-- A valid credit code: prefix (2) + region (6 digits) + 8-character organisation code + both check characters.
function uscc(prefix, region, body8)
  local first17 = prefix .. region .. body8 .. org_check(body8)
  return first17 .. uscc_check(first17)
end

function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
  if on_response then on_response(status, body) end
end

function done(summary, latency, requests)
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local all = {}
  for _, thread in ipairs(threads) do
    local c = thread:get("codes") or {}
    for status, count in pairs(c) do all[status] = (all[status] or 0) + count end
  end
  local ok, conflicts, other = 0, 0, 0
  local keys = {}
  for status, count in pairs(all) do
    table.insert(keys, status)
    if status >= 200 and status < 300 then ok = ok + count
    elseif status == 409 then conflicts = conflicts + count
    else other = other + count end
  end
  table.sort(keys)
  local parts = {}
  for _, status in ipairs(keys) do table.insert(parts, status .. ":" .. all[status]) end
  if socket > 0 then table.insert(parts, "socket:" .. socket) end
  local seconds = summary.duration / 1e6
  io.write(string.format("BENCH %d %.1f %.2f %.2f %.2f %d %d %d %s\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    socket + other, ok, conflicts, (#parts > 0) and table.concat(parts, ",") or "-"))
end

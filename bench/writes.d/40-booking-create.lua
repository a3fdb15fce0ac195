-- Bookings as the generator's RESOURCE_BOOKER (a CenterUser of the sample resource's owner): each request a different
-- 30-minute slot, on weekdays 08:30-17:30 Beijing time (inside every generated resource's opening hours), from the
-- day after tomorrow on, spread over the resources the harness found bookable (WRITE_RESOURCES: ids, space-separated).
-- Request n takes resource n mod R and that resource's slot floor(n / R); the warm-up (WRITE_WARM=1) takes slots from
-- the far end of the 60-day window, so the measured run does not meet them. A slot that meets a generated booking is a
-- 409 (counted apart). Answers 201.
dofile(os.getenv("BENCH_ROOT") .. "/bench/wrk/writes.lua")

local token = os.getenv("BENCH_RESOURCE_BOOKER_TOKEN")
local resources = {}
for id in (os.getenv("WRITE_RESOURCES") or ""):gmatch("%S+") do table.insert(resources, id) end
local warm = os.getenv("WRITE_WARM") == "1"
-- Unix seconds of 00:00 Beijing on the first bookable day, and its weekday (0 = Monday).
local day0 = tonumber(os.getenv("WRITE_DAY0"))
local weekday0 = tonumber(os.getenv("WRITE_WEEKDAY0"))
local SLOTS_PER_DAY = 18 -- 08:30-17:30 in 30 minutes
local DAYS = 56

-- The k-th weekday slot of the window as unix seconds (UTC) of its start.
local slots = {}
for d = 0, DAYS - 1 do
  if (weekday0 + d) % 7 < 5 then
    for s = 0, SLOTS_PER_DAY - 1 do
      table.insert(slots, day0 + d * 86400 + 8 * 3600 + 1800 + s * 1800)
    end
  end
end

local function iso(t)
  return os.date("!%Y-%m-%dT%H:%M:%SZ", t)
end

function request()
  local v = next_n()
  local r = #resources
  local k = math.floor(v / r)
  if warm then k = #slots - 1 - k end
  if k < 0 then k = 0 end
  k = k % #slots
  local starts = slots[k + 1]
  local body = '{"starts":"' .. iso(starts) .. '","ends":"' .. iso(starts + 1800) .. '","purpose":"压测预约 ' .. v .. '"}'
  return wrk.format("POST", "/api/v1/resources/" .. resources[v % r + 1] .. "/bookings",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["Accept-Language"] = "zh-CN" }, body)
end

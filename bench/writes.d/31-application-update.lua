-- Application draft updates, each sending the version it read (the harness starts WRITE_DRAFTS_N drafts before the run
-- and passes "id version" lines in the file WRITE_DRAFTS). A thread takes every nthreads-th draft; a request goes to a
-- draft with no update in flight, and a 200 (which names the draft) moves its version on by one, as the server's
-- version interceptor does. A 409 is a lost update (counted apart); its draft is not used again in this run.
dofile(os.getenv("BENCH_ROOT") .. "/bench/wrk/writes.lua")
dofile(os.getenv("BENCH_ROOT") .. "/bench/writes.d/30-application-create.lua")

local token = os.getenv("BENCH_LEDGER_KEEPER_TOKEN")
local drafts, free, versions = {}, {}, {}
local loaded = false

local function load()
  loaded = true
  local i = 0
  for line in io.lines(os.getenv("WRITE_DRAFTS")) do
    local id, version = line:match("^(%S+)%s+(%d+)")
    if id then
      if i % nthreads == (tid or 0) then
        table.insert(drafts, id)
        versions[id] = tonumber(version)
        table.insert(free, id)
      end
      i = i + 1
    end
  end
end

local cursor = 0
function request()
  if not loaded then load() end
  local v = next_n()
  local id
  if #free > 0 then
    id = table.remove(free, 1)
  else
    -- Every draft busy or lost: reuse one round-robin with the version last seen (a 409 when it is stale).
    cursor = cursor % #drafts + 1
    id = drafts[cursor]
  end
  local stamp = string.format("%03d-%08d", salt % 1000, v)
  return wrk.format("PUT", "/api/v1/applications/" .. id,
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["Accept-Language"] = "zh-CN" },
    application_body("天津市压测制造业创新中心改" .. stamp, "三年内突破 6 项共性关键技术（" .. stamp .. "）。", versions[id]))
end

function on_response(status, body)
  if status == 200 then
    local id = body and body:match('"id"%s*:%s*"([%x%-]+)"')
    if id and versions[id] then
      versions[id] = versions[id] + 1
      table.insert(free, id)
    end
  end
end

-- Application draft creates as a CenterUser (BENCH_LEDGER_KEEPER_TOKEN: any CenterUser may start one), each with a
-- unique center name; one member, a registered organisation (WRITE_COUNTERPARTY). Answers 201.
dofile(os.getenv("BENCH_ROOT") .. "/bench/wrk/writes.lua")

local token = os.getenv("BENCH_LEDGER_KEEPER_TOKEN")
local member = os.getenv("WRITE_COUNTERPARTY")

function application_body(name, goals, version)
  return '{"centerName":"' .. name .. '","keyArea":"high-end-equipment","industryDivision":"C35",'
    .. '"planSummary":"围绕高端装备共性关键技术开展研发与转移扩散。","goals":"' .. goals .. '","leadEquitySharePercent":60,'
    .. '"members":[{"creditCode":"' .. member .. '","equitySharePercent":25}],'
    .. '"indicators":[{"name":"发明专利申请","unit":"项","year1":10,"year2":15,"year3":20}]'
    .. (version and (',"version":' .. version) or '') .. '}'
end

function request()
  local v = next_n()
  local id = string.format("%03d-%08d", salt % 1000, v)
  return wrk.format("POST", "/api/v1/applications",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["Accept-Language"] = "zh-CN" },
    application_body("天津市压测制造业创新中心" .. id, "三年内突破 5 项共性关键技术（" .. id .. "）。"))
end

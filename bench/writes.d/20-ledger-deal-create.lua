-- Ledger record creates: a technology-transfer deal (成果转化) of the sample ledger center, as the CenterUser who keeps
-- its ledger (BENCH_LEDGER_KEEPER_TOKEN), each with a unique contract number and title; the counterparty is a
-- registered organisation (WRITE_COUNTERPARTY, looked up by the harness). Answers 201.
dofile(os.getenv("BENCH_ROOT") .. "/bench/wrk/writes.lua")

local token = os.getenv("BENCH_LEDGER_KEEPER_TOKEN")
local center = os.getenv("BENCH_LEDGER_CENTER_ID")
local counterparty = os.getenv("WRITE_COUNTERPARTY")
-- Today (Beijing): inside the life of every center (a young center's life may start within the last year).
local signed = os.getenv("WRITE_TODAY")

function request()
  local v = next_n()
  local id = string.format("%03d-%08d", salt % 1000, v)
  local body = '{"centerId":"' .. center .. '","kind":"TechnicalService","title":"压测技术服务合同 ' .. id .. '",'
    .. '"contractNumber":"YC-' .. id .. '","counterpartyCreditCode":"' .. counterparty .. '","isSme":false,'
    .. '"isFirstCommercial":false,"contractValue":1000,"signedOn":"' .. signed .. '"}'
  return wrk.format("POST", "/api/v1/ledger/deals",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["Accept-Language"] = "zh-CN" }, body)
end

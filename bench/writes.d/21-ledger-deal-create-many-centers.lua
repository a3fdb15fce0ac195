-- The same deal creates as 20-ledger-deal-create, but request n goes to center n mod K of the generator's
-- BENCH_LEDGER_KEEPERS ("centerId:token" of up to 16 centers, each written by its own keeper): many centers writing at
-- once, as they do in use. One center's writes queue behind its roll-up lock (LedgerRollupStore); this shows whether
-- anything wider than a center serialises the ledger's writers. Answers 201.
dofile(os.getenv("BENCH_ROOT") .. "/bench/wrk/writes.lua")

local keepers = {}
for center, token in (os.getenv("BENCH_LEDGER_KEEPERS") or ""):gmatch("([%x%-]+):(%S+)") do
  table.insert(keepers, { center = center, token = token })
end
local counterparty = os.getenv("WRITE_COUNTERPARTY")
-- Today (Beijing): inside the life of every center (a young center's life may start within the last year).
local signed = os.getenv("WRITE_TODAY")

function request()
  local v = next_n()
  local k = keepers[v % #keepers + 1]
  local id = string.format("%03d-%08d", salt % 1000, v)
  local body = '{"centerId":"' .. k.center .. '","kind":"TechnicalService","title":"压测技术服务合同 ' .. id .. '",'
    .. '"contractNumber":"YC-' .. id .. '","counterpartyCreditCode":"' .. counterparty .. '","isSme":false,'
    .. '"isFirstCommercial":false,"contractValue":1000,"signedOn":"' .. signed .. '"}'
  return wrk.format("POST", "/api/v1/ledger/deals",
    { ["Authorization"] = "Bearer " .. k.token, ["Content-Type"] = "application/json", ["Accept-Language"] = "zh-CN" }, body)
end

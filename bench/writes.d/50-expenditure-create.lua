-- Expenditures of grants in execution (funds module), as the CenterUser who keeps the sample grant's center
-- (BENCH_FUNDS_KEEPER_TOKEN): multipart, 1.00 yuan on a line of the grant, one small PDF voucher each. Request n goes
-- to grant n mod G of WRITE_GRANTS ("grantId:category:spentOn" entries, space-separated). Each expenditure moves its
-- grant's version on, so two at once on one grant: the second is a 409 (counted apart). Answers 200.
dofile(os.getenv("BENCH_ROOT") .. "/bench/wrk/writes.lua")

local token = os.getenv("BENCH_FUNDS_KEEPER_TOKEN")
local grants = {}
for g, c, d in (os.getenv("WRITE_GRANTS") or ""):gmatch("([%x%-]+):([^:%s]+):(%S+)") do
  table.insert(grants, { id = g, category = c, on = d })
end
local BOUNDARY = "----innocenterbench7MA4YWxkTrZu0gW"
local PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

local function field(name, value)
  return "--" .. BOUNDARY .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\"\r\n\r\n" .. value .. "\r\n"
end

function request()
  local v = next_n()
  local g = grants[v % #grants + 1]
  local body = field("category", g.category) .. field("spentOn", g.on) .. field("payee", "压测供应商" .. v)
    .. field("amount", "1.00") .. field("purpose", "压测支出 " .. string.format("%03d-%08d", salt % 1000, v))
    .. "--" .. BOUNDARY .. "\r\nContent-Disposition: form-data; name=\"vouchers\"; filename=\"voucher-" .. v .. ".pdf\"\r\n"
    .. "Content-Type: application/pdf\r\n\r\n" .. PDF .. v .. "\n\r\n--" .. BOUNDARY .. "--\r\n"
  return wrk.format("POST", "/api/v1/funds/grants/" .. g.id .. "/expenditures",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "multipart/form-data; boundary=" .. BOUNDARY,
      ["Accept-Language"] = "zh-CN" }, body)
end

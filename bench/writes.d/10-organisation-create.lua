-- Organisation creates through the API as the Admin: each with a fresh, valid credit code (GB 32100 and GB 11714 check
-- characters computed here) and a unique name. Answers 201.
dofile(os.getenv("BENCH_ROOT") .. "/bench/wrk/writes.lua")

local token = os.getenv("BENCH_ADMIN_TOKEN")

function request()
  local v = next_n()
  -- Region digits carry the run's salt (0-999), the organisation code the request's number: unique in the database.
  local code = uscc("91", string.format("120%03d", salt % 1000), base31(v, 8))
  local body = '{"creditCode":"' .. code .. '","name":"压测单位' .. code .. '","type":"Enterprise","region":"Tianjin",'
    .. '"districtCode":"120116","address":"天津市滨海新区压测路 1 号","contactName":"压测","contactPhone":"022-12345678"}'
  return wrk.format("POST", "/api/v1/organizations",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["Accept-Language"] = "zh-CN" }, body)
end

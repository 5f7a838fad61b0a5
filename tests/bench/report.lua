-- wrk script of `make bench`: optional unique registration POSTs, status counts, and a
-- machine-readable summary line (requests/s, p50, p95 in milliseconds).
counter = 0
statuses = {}
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  post_body = os.getenv("BENCH_POST_BODY")
  run_id = os.getenv("BENCH_RUN_ID") or "0"
end

function request()
  if post_body == nil or post_body == "" then
    return wrk.format(nil)
  end
  counter = counter + 1
  local who = string.format("%s-%d-%d", run_id, id, counter)
  local body = post_body:gsub("BENCHID", who)
  return wrk.format("POST", nil, nil, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local codes = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, count in pairs(counts) do
      codes[status] = (codes[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(codes) do
    table.insert(parts, string.format("%d:%d", status, count))
  end
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f p50=%.3f p95=%.3f errors=%d statuses=%s\n",
    summary.requests,
    summary.duration / 1e6,
    latency:percentile(50) / 1000,
    latency:percentile(95) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout,
    table.concat(parts, ",")
  ))
end

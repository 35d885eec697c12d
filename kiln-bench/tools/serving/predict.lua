-- wrk script for kiln-bench/tools/serve-bench.sh.
--   wrk -t T -c C -d D --latency -s predict.lua URL -- BODY_FILE [DELAY_MS]
-- BODY_FILE: the JSON body to POST on every request (Content-Type application/json), or GET for plain GETs.
-- DELAY_MS: each connection waits this long before each request (a fixed rate of about C / (DELAY_MS + latency)
-- requests a second; Debian's wrk 4.1 has no -R).
-- Counts the responses whose status is not 200 (the first one's status and body are kept) and prints one line
--   RESULT requests=... seconds=... rps=... p50_ms=... p90_ms=... p99_ms=... max_ms=... non200=... connect_err=... read_err=... write_err=... timeout_err=... status_err=...
-- after wrk's own report; serve-bench.sh reads that line.

local threads = {}
local delay_ms = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local body_file = args[1] or "GET"
  delay_ms = tonumber(args[2] or "0") or 0
  if body_file == "GET" then
    wrk.method = "GET"
  else
    local f = assert(io.open(body_file, "rb"))
    wrk.method = "POST"
    wrk.body = f:read("*a")
    f:close()
    wrk.headers["Content-Type"] = "application/json"
  end
  non200 = 0
  first_bad = ""
end

function delay()
  return delay_ms
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    if first_bad == "" then
      first_bad = status .. " " .. string.sub(body or "", 1, 200)
    end
  end
end

function done(summary, latency, requests)
  local bad, first = 0, ""
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non200") or 0)
    local fb = t:get("first_bad") or ""
    if first == "" and fb ~= "" then first = fb end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f non200=%d connect_err=%d read_err=%d write_err=%d timeout_err=%d status_err=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    bad, e.connect, e.read, e.write, e.timeout, e.status))
  if first ~= "" then
    io.write("FIRST_NON200 " .. first .. "\n")
  end
end

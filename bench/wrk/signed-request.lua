-- wrk script for the benchmark: sends one pre-signed request, read from the files named by the
-- environment (BENCH_HEAD: method, path, then "Name: value" lines; BENCH_BODY: the raw body),
-- and prints the run's summary as one JSON line for bench/lib/loaders.ts.

local function slurp(path)
  local f = assert(io.open(path, "rb"))
  local data = f:read("*a")
  f:close()
  return data
end

local lines = {}
for line in slurp(os.getenv("BENCH_HEAD")):gmatch("[^\n]+") do lines[#lines + 1] = line end
wrk.method = lines[1]
wrk.path = lines[2]
for i = 3, #lines do
  local name, value = lines[i]:match("^([^:]+): (.*)$")
  wrk.headers[name] = value
end
wrk.body = slurp(os.getenv("BENCH_BODY"))

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50_us":%.0f,"p99_us":%.0f}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end

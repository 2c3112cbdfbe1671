-- wrk script: the editor's live recomputation, POST /api/forms/{id}/score with a typed value that changes on
-- every request. THINK_MS (default 0) is a pause between one answer and the next request of a connection:
-- 0 saturates the server; 200 is a person typing (the page waits 200 ms after a keystroke before asking).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = os.getenv("OFFICER_COOKIE")
wrk.headers["X-CSRF-Token"] = os.getenv("OFFICER_CSRF")

local counter = 0
local think = tonumber(os.getenv("THINK_MS") or "0")

request = function()
  counter = counter + 1
  local body = '{"fields": {"funds.total.executed": "' .. (counter % 100) .. '", "indicators[0].actual": "' ..
    (counter % 40) .. '台"}}'
  return wrk.format(nil, nil, nil, body)
end

delay = function()
  return think
end

local failures = 0
response = function(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("non-200 answers: %d\n", summary.errors.status))
end

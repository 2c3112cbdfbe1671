-- wrk script: officers saving their drafts, PUT /api/forms/{id} with {"version", "fields"}. Run with as many
-- threads as connections (`wrk -tN -cN`), so each connection is one thread and saves one form of its own, one
-- save after the other, carrying the version the previous save answered (no conflicts between connections).
-- SAVE_FORMS, SAVE_COOKIES and SAVE_CSRFS are the seed's space-separated lists (ServerBenchmarks: one officer
-- and one draft per unit); SAVE_FROM (default 0) is the first item this wrk run takes, so two runs side by side
-- save different forms.
local function split(text)
  local items = {}
  for item in string.gmatch(text or "", "%S+") do items[#items + 1] = item end
  return items
end

local next_thread = tonumber(os.getenv("SAVE_FROM") or "0")

setup = function(thread)
  next_thread = next_thread + 1
  thread:set("slot", next_thread)
end

local form, cookie, csrf
local version = 1
local counter = 0

init = function(args)
  local forms = split(os.getenv("SAVE_FORMS"))
  local cookies = split(os.getenv("SAVE_COOKIES"))
  local csrfs = split(os.getenv("SAVE_CSRFS"))
  if slot > #forms then error("SAVE_FORMS has " .. #forms .. " forms, thread " .. slot .. " needs one") end
  form, cookie, csrf = forms[slot], cookies[slot], csrfs[slot]
end

request = function()
  counter = counter + 1
  local body = '{"version": ' .. version .. ', "fields": {"funds.total.executed": "' .. (counter % 100) ..
    '", "indicators[0].actual": "' .. (counter % 40) .. '台"}}'
  local headers = {
    ["Content-Type"] = "application/json", ["Cookie"] = cookie, ["X-CSRF-Token"] = csrf,
  }
  return wrk.format("PUT", "/api/forms/" .. form, headers, body)
end

-- A 200 answers the saved version; a 409 (the form saved elsewhere meanwhile) names the current one.
response = function(status, headers, body)
  local saved = nil
  if status == 200 then
    saved = string.match(body, '"version"%s*:%s*(%d+)')
  elseif status == 409 then
    saved = string.match(body, '"currentVersion"%s*:%s*(%d+)')
  end
  if saved then version = tonumber(saved) end
end

done = function(summary, latency, requests)
  io.write(string.format("saves: %d in %.1f s, %.1f saves/s, non-200 answers: %d\n", summary.requests,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6), summary.errors.status))
end

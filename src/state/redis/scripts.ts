/**
 * The server-side scripts of the Redis store: each runs whole on the Redis server, so no other replica's
 * request comes between its read and its write (what makes a sequence step, a `times` count, a rate
 * window, a nonce and a lockout each taken exactly once across replicas). Times are emulated-clock
 * milliseconds passed in by the caller; the Redis server's own clock only lets forgotten keys expire.
 * Lua numbers are written back with %.0f: tostring would give 1.7e+12 for a time.
 */
export const SCRIPTS = {
  /** KEYS[1] the day's counts, ARGV: the value, the TTL in seconds → the day's count, this use included. */
  countToday: {
    numberOfKeys: 1,
    lua: `local n = redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('EXPIRE', KEYS[1], ARGV[2])
return n`,
  },
  /** KEYS[1] the window {s: start, c: count}, ARGV: now, window ms → the count in the window, this request included. */
  rateWindow: {
    numberOfKeys: 1,
    lua: `local now = tonumber(ARGV[1])
local len = tonumber(ARGV[2])
local start = tonumber(redis.call('HGET', KEYS[1], 's'))
if (not start) or now - start >= len or now < start then
  redis.call('HSET', KEYS[1], 's', ARGV[1], 'c', 1)
  redis.call('PEXPIRE', KEYS[1], string.format('%.0f', math.max(len * 2, 86400000)))
  return 1
end
return redis.call('HINCRBY', KEYS[1], 'c', 1)`,
  },
  /** KEYS[1] the lockout {c: failures, u: until}, ARGV: now → until, or 0 when not locked (an ended lockout is deleted). */
  lockedUntil: {
    numberOfKeys: 1,
    lua: `local u = tonumber(redis.call('HGET', KEYS[1], 'u'))
if not u then return 0 end
if tonumber(ARGV[1]) < u then return u end
redis.call('DEL', KEYS[1])
return 0`,
  },
  /** KEYS[1] the lockout, ARGV: now, failures that lock, lock ms → {failures so far, until or 0}. */
  lockoutFail: {
    numberOfKeys: 1,
    lua: `local c = redis.call('HINCRBY', KEYS[1], 'c', 1)
local u = 0
if c >= tonumber(ARGV[2]) then
  u = tonumber(ARGV[1]) + tonumber(ARGV[3])
  redis.call('HSET', KEYS[1], 'u', string.format('%.0f', u))
end
return {c, u}`,
  },
  /** KEYS[1] the nonce, ARGV: now, window ms → 1 when first used within the window, else 0. */
  useNonce: {
    numberOfKeys: 1,
    lua: `local now = tonumber(ARGV[1])
local len = tonumber(ARGV[2])
local at = tonumber(redis.call('GET', KEYS[1]))
if at and math.abs(now - at) < len then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', string.format('%.0f', math.max(len * 2, 60000)))
return 1`,
  },
  /** KEYS[1] the journal stream, KEYS[2] its live channel, ARGV: the cap, the entry's JSON → its stream id; the text crosses the network once. */
  recordEntry: {
    numberOfKeys: 2,
    lua: `local id = redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[1], '*', 'e', ARGV[2])
redis.call('PUBLISH', KEYS[2], ARGV[2])
return id`,
  },
  /** KEYS[1] the bindings, KEYS[2] the active scenario, ARGV: the caller → {its binding or false, the active one or false}: one command a request. */
  forCaller: {
    numberOfKeys: 2,
    lua: `return {redis.call('HGET', KEYS[1], ARGV[1]), redis.call('GET', KEYS[2])}`,
  },
  /** KEYS[1] the counters, ARGV: (key, was, by)… → 1 and every counter moved by its `by`, or 0 and none when one no longer holds its `was`. */
  takeCounters: {
    numberOfKeys: 1,
    lua: `for i = 1, #ARGV, 3 do
  if (tonumber(redis.call('HGET', KEYS[1], ARGV[i])) or 0) ~= tonumber(ARGV[i + 1]) then return 0 end
end
for i = 1, #ARGV, 3 do redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 2]) end
return 1`,
  },
} as const;

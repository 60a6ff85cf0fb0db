-- KEYS[1] tile, KEYS[2] shard state, KEYS[3] shard floor
-- ARGV[1] payload, ARGV[2] created millis as 14 hex digits, ARGV[3] tile ttl ms (0: none),
-- ARGV[4] '1' when the caller has registered the cache, ARGV[5] z, ARGV[6] x, ARGV[7] y,
-- ARGV[8] state ttl ms (0: none)
-- Returns {outcome, oldSize}: outcome -1 needs registration (nothing written), 0 stored,
-- 1 replaced a live tile, 2 replaced a tile deleted by a pending range delete.
local st = redis.call('HMGET', KEYS[2], 'g', 'reg', 'f', 'r' .. ARGV[5])
if st[2] ~= '1' then
  if ARGV[4] ~= '1' then return {-1, 0} end
  if not st[1] then
    redis.call('HSET', KEYS[2], 'g', 1, 'f', 1, 'n', 0, 'b', 0)
    redis.call('SET', KEYS[3], '1')
    st[1] = '1'
    st[3] = '1'
  end
  redis.call('HSET', KEYS[2], 'reg', '1')
end
local g = tonumber(st[1])
local size = string.len(ARGV[1])
local outcome, oldSize = 0, 0
local hdr = redis.call('GETRANGE', KEYS[1], 0, 29)
if hdr == '' then
  redis.call('HINCRBY', KEYS[2], 'n', 1)
  redis.call('HINCRBY', KEYS[2], 'b', size)
else
  oldSize = redis.call('STRLEN', KEYS[1]) - 30
  redis.call('HINCRBY', KEYS[2], 'b', size - oldSize)
  local og = tonumber(string.sub(hdr, 3, 16), 16) or -1
  if og >= tonumber(st[3]) then
    outcome = 1
    if st[4] then
      local x, y = tonumber(ARGV[6]), tonumber(ARGV[7])
      for tg, a, b, c, d in string.gmatch(st[4], '(%d+),(%d+),(%d+),(%d+),(%d+),[^;]*;') do
        if og < tonumber(tg) and x >= tonumber(a) and y >= tonumber(b) and x <= tonumber(c) and y <= tonumber(d) then
          outcome = 2
        end
      end
    end
  end
end
local value = 'T1' .. string.format('%014x', g) .. ARGV[2] .. ARGV[1]
if ARGV[3] ~= '0' then
  redis.call('SET', KEYS[1], value, 'PX', ARGV[3])
else
  redis.call('SET', KEYS[1], value)
end
if ARGV[8] ~= '0' then
  redis.call('PEXPIRE', KEYS[2], ARGV[8])
  redis.call('PEXPIRE', KEYS[3], ARGV[8])
end
return {outcome, oldSize}

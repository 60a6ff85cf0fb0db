-- Logical delete of one shard. KEYS[1] shard state, KEYS[2] shard floor.
-- ARGV[1] 'all' (every tile of the shard) or 'range'; ARGV[2] '1' to require re-registration on next put;
-- for 'range': ARGV[3] z, ARGV[4..7] minx miny maxx maxy, ARGV[8] job id.
-- Returns the number of tile keys the shard held (live or not yet physically deleted).
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local g = redis.call('HINCRBY', KEYS[1], 'g', 1)
if ARGV[1] == 'all' then
  redis.call('HSET', KEYS[1], 'f', g)
else
  local field = 'r' .. ARGV[3]
  local entry = g .. ',' .. ARGV[4] .. ',' .. ARGV[5] .. ',' .. ARGV[6] .. ',' .. ARGV[7] .. ',' .. ARGV[8] .. ';'
  redis.call('HSET', KEYS[1], field, (redis.call('HGET', KEYS[1], field) or '') .. entry)
end
if ARGV[2] == '1' then redis.call('HSET', KEYS[1], 'reg', '0') end
write_floor(KEYS[1], KEYS[2])
return tonumber(redis.call('HGET', KEYS[1], 'n') or '0')

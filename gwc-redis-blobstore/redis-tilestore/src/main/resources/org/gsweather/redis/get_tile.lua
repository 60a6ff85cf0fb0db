-- The read a plain MGET of tile and floor cannot settle: range tombstones at the tile's zoom level, or no floor key
-- (a state written before floor keys existed: the floor is written here from it).
-- KEYS[1] tile, KEYS[2] shard state, KEYS[3] shard floor; ARGV z, x, y.
-- Returns the stored value, or false when the tile is absent or logically deleted.
local v = redis.call('GET', KEYS[1])
if not v then return false end
local g = tonumber(string.sub(v, 3, 16), 16)
if string.sub(v, 1, 2) ~= 'T1' or not g then return false end
if redis.call('EXISTS', KEYS[3]) == 0 then write_floor(KEYS[2], KEYS[3]) end
local st = redis.call('HMGET', KEYS[2], 'f', 'r' .. ARGV[1])
local f = tonumber(st[1])
if not f or g < f then return false end
if st[2] then
  local x, y = tonumber(ARGV[2]), tonumber(ARGV[3])
  for tg, a, b, c, d in string.gmatch(st[2], '(%d+),(%d+),(%d+),(%d+),(%d+),[^;]*;') do
    if g < tonumber(tg) and x >= tonumber(a) and y >= tonumber(b) and x <= tonumber(c) and y <= tonumber(d) then
      return false
    end
  end
end
return v

-- KEYS[1] shard state, KEYS[2..n] tiles of that shard; ARGV: z, x, y per tile;
-- ARGV[#ARGV] = 'any' to delete every listed tile, 'dead' to delete only logically deleted ones.
-- Returns {kind, size} per tile: kind 0 untouched or absent, 1 deleted and already accounted for
-- (dead under a floor), 2 deleted and to be reported (live, or dead under a range tombstone).
local mode = ARGV[#ARGV]
local st = redis.call('HMGET', KEYS[1], 'f')
local f = tonumber(st[1])
local out = {}
local ranges = {}
for i = 2, #KEYS do
  local a = (i - 2) * 3
  local z, x, y = ARGV[a + 1], tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3])
  local hdr = redis.call('GETRANGE', KEYS[i], 0, 29)
  local kind, size = 0, 0
  if hdr ~= '' then
    size = redis.call('STRLEN', KEYS[i]) - 30
    local g = tonumber(string.sub(hdr, 3, 16), 16) or -1
    if not f or g < f then
      kind = 1
    else
      if ranges[z] == nil then
        ranges[z] = redis.call('HGET', KEYS[1], 'r' .. z) or false
      end
      if ranges[z] then
        for tg, a1, b1, c1, d1 in string.gmatch(ranges[z], '(%d+),(%d+),(%d+),(%d+),(%d+),[^;]*;') do
          if g < tonumber(tg) and x >= tonumber(a1) and y >= tonumber(b1) and x <= tonumber(c1) and y <= tonumber(d1) then
            kind = 2
          end
        end
      end
      if kind == 0 and mode == 'any' then kind = 2 end
    end
    if kind ~= 0 then
      redis.call('UNLINK', KEYS[i])
      if f then
        redis.call('HINCRBY', KEYS[1], 'n', -1)
        redis.call('HINCRBY', KEYS[1], 'b', -size)
      end
    end
  end
  out[#out + 1] = kind
  out[#out + 1] = size
end
return out

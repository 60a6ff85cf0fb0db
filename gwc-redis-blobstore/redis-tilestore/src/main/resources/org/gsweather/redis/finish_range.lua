-- Drops the range tombstones of one job from one shard. KEYS[1] shard state, KEYS[2] shard floor; ARGV[1] job id;
-- ARGV[2..] zoom levels.
local suffix = ',' .. ARGV[1] .. ';'
for i = 2, #ARGV do
  local field = 'r' .. ARGV[i]
  local list = redis.call('HGET', KEYS[1], field)
  if list then
    local kept = {}
    for entry in string.gmatch(list, '[^;]*;') do
      if string.sub(entry, -string.len(suffix)) ~= suffix then kept[#kept + 1] = entry end
    end
    if #kept == 0 then
      redis.call('HDEL', KEYS[1], field)
    else
      redis.call('HSET', KEYS[1], field, table.concat(kept))
    end
  end
end
write_floor(KEYS[1], KEYS[2])
return 1

-- Removes a shard state that guards nothing any more (no tile left, nobody registered), and its floor.
-- KEYS[1] shard state, KEYS[2] shard floor.
local st = redis.call('HMGET', KEYS[1], 'n', 'reg')
if st[2] ~= '1' and tonumber(st[1] or '0') <= 0 then
  redis.call('DEL', KEYS[2])
  return redis.call('DEL', KEYS[1])
end
return 0

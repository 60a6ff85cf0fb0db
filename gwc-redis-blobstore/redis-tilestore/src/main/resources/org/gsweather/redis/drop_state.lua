-- Removes a shard state that guards nothing any more: no tile left and nobody registered. KEYS[1] shard state.
local st = redis.call('HMGET', KEYS[1], 'n', 'reg')
if st[2] ~= '1' and tonumber(st[1] or '0') <= 0 then
  return redis.call('DEL', KEYS[1])
end
return 0

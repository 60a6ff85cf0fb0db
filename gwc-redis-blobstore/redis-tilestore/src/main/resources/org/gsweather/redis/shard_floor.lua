-- Prepended to the scripts that change a shard state (LuaScript.load): rewrites the shard's floor key from the
-- state, with the state's expiry. The floor is 'f' then ',z' for every zoom level with range tombstones (ShardFloor);
-- it goes away with the state.
local function write_floor(state, floor)
  local f = redis.call('HGET', state, 'f')
  if not f then
    redis.call('DEL', floor)
    return
  end
  local parts = {f}
  for _, field in ipairs(redis.call('HKEYS', state)) do
    local z = string.match(field, '^r(%d+)$')
    if z then parts[#parts + 1] = z end
  end
  local ttl = redis.call('PTTL', state)
  if ttl > 0 then
    redis.call('SET', floor, table.concat(parts, ','), 'PX', ttl)
  else
    redis.call('SET', floor, table.concat(parts, ','))
  end
end

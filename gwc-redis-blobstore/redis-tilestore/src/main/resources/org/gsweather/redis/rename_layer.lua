-- KEYS[1] layer name index; ARGV[1] old name, ARGV[2] new name.
-- Returns 1 renamed, 0 old name unknown, -1 new name already taken.
if redis.call('HEXISTS', KEYS[1], ARGV[2]) == 1 then return -1 end
local id = redis.call('HGET', KEYS[1], ARGV[1])
if not id then return 0 end
redis.call('HSET', KEYS[1], ARGV[2], id)
redis.call('HDEL', KEYS[1], ARGV[1])
return 1

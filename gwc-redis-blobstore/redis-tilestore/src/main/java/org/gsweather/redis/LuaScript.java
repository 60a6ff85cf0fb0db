package org.gsweather.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script of this package, run with EVALSHA and loaded with EVAL on the node that lacks it (after a restart,
 * a failover, or on a new cluster node).
 */
final class LuaScript {
    private static final String SHARD_FLOOR = "shard_floor.lua";

    static final LuaScript GET_TILE = load("get_tile.lua", SHARD_FLOOR);
    static final LuaScript PUT_TILE = load("put_tile.lua");
    static final LuaScript DELETE_TILES = load("delete_tiles.lua");
    static final LuaScript MARK_DELETED = load("mark_deleted.lua", SHARD_FLOOR);
    static final LuaScript FINISH_RANGE = load("finish_range.lua", SHARD_FLOOR);
    static final LuaScript DROP_STATE = load("drop_state.lua");
    static final LuaScript RENEW_LEASE = load("renew_lease.lua");
    static final LuaScript RENAME_LAYER = load("rename_layer.lua");

    private final String name;
    private final byte[] source;
    private final byte[] sha;

    private LuaScript(String name, byte[] source) {
        this.name = name;
        this.source = source;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source);
            this.sha = HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Object run(UnifiedJedis redis, List<byte[]> keys, List<byte[]> args) {
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            return redis.eval(source, keys, args);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** The script {@code name}, after the local functions of {@code library} when given. */
    private static LuaScript load(String name, String... library) {
        StringBuilder source = new StringBuilder();
        for (String part : library) {
            source.append(resource(part)).append('\n');
        }
        source.append(resource(name));
        return new LuaScript(name, source.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String resource(String name) {
        try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing script resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

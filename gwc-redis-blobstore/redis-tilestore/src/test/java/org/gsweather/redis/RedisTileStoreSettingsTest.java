package org.gsweather.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisTileStoreSettingsTest {
    @Test
    void textSettingsBecomeTheTypedConfiguration() {
        RedisTileStoreConfig c = RedisTileStoreSettings.parse(Map.of(
                "topology", "cluster",
                "nodes", "redis-1:6379, redis-2:6379 redis-3:6379",
                "readTimeout", "300ms",
                "tileTtl", "PT24H",
                "breakerOpenDuration", "2s",
                "connectTimeout", "700",
                "nearCacheMaxBytes", "64MB",
                "tls", "true",
                "keyPrefix", "wx"));

        assertThat(c.topology()).isEqualTo(RedisTileStoreConfig.Topology.CLUSTER);
        assertThat(c.nodes()).containsExactly("redis-1:6379", "redis-2:6379", "redis-3:6379");
        assertThat(c.readTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(c.tileTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(c.breakerOpenDuration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofMillis(700));
        assertThat(c.nearCacheMaxBytes()).isEqualTo(64L << 20);
        assertThat(c.tls()).isTrue();
        assertThat(c.keyPrefix()).isEqualTo("wx");
    }

    @Test
    void blankValuesKeepTheDefaults() {
        Map<String, String> settings = new HashMap<>();
        settings.put("readTimeout", " ");
        settings.put("user", null);
        settings.put("keyPrefix", "");

        assertThat(RedisTileStoreSettings.parse(settings))
                .isEqualTo(RedisTileStoreConfig.builder().build());
    }

    @Test
    void unreadableValuesAreReportedWithTheRangeChecks() {
        InvalidConfigurationException e = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> RedisTileStoreSettings.parse(Map.of(
                        "topology", "ring",
                        "readTimeout", "fast",
                        "poolMaxTotal", "many",
                        "shardsPerCache", "0",
                        "tls", "maybe",
                        "readTimout", "250ms")));

        assertThat(e.problems())
                .containsExactly(
                        "unknown setting 'readTimout'; known settings are "
                                + String.join(", ", RedisTileStoreSettings.INPUT_NAMES),
                        "topology 'ring' is unknown; use STANDALONE, CLUSTER or SENTINEL",
                        "tls 'maybe' is not a boolean; use true or false",
                        "readTimeout 'fast' is not a duration; write e.g. 250ms, 2s, 24h or PT2S",
                        "poolMaxTotal 'many' is not a whole number",
                        "shardsPerCache is 0; use 1..1024 (default 8)");
    }

    @Test
    void formatGivesTextThatParsesBackToTheSameConfiguration() {
        RedisTileStoreConfig c = RedisTileStoreConfig.builder()
                .topology(RedisTileStoreConfig.Topology.SENTINEL)
                .nodes(List.of("s1:26379", "s2:26379"))
                .sentinelMasterName("tiles")
                .user("gwc")
                .password("secret")
                .readTimeout(Duration.ofMillis(1500))
                .tileTtl(Duration.ofDays(2))
                .build();

        assertThat(RedisTileStoreSettings.parse(RedisTileStoreSettings.format(c)))
                .isEqualTo(c);
        assertThat(RedisTileStoreSettings.NAMES).hasSize(RedisTileStoreConfig.class.getRecordComponents().length);
    }

    @Test
    void aRedisUrlSetsServerUserPasswordDatabaseAndTls() {
        RedisTileStoreConfig c =
                RedisTileStoreSettings.parse(Map.of("url", "rediss://gwc:p%40ss%3Aword@redis.internal:6380/3"));

        assertThat(c.topology()).isEqualTo(RedisTileStoreConfig.Topology.STANDALONE);
        assertThat(c.nodes()).containsExactly("redis.internal:6380");
        assertThat(c.user()).isEqualTo("gwc");
        assertThat(c.password()).isEqualTo("p@ss:word");
        assertThat(c.database()).isEqualTo(3);
        assertThat(c.tls()).isTrue();
    }

    @Test
    void aUrlWithoutPortOrDatabaseUsesTheDefaultsAndAPasswordAloneIsAPassword() {
        RedisTileStoreConfig plain = RedisTileStoreSettings.parse(Map.of("url", "redis://127.0.0.1"));
        RedisTileStoreConfig secret = RedisTileStoreSettings.parse(Map.of("url", "redis://s3cret@[::1]"));

        assertThat(plain.nodes()).containsExactly("127.0.0.1:6379");
        assertThat(plain.password()).isNull();
        assertThat(plain.database()).isZero();
        assertThat(plain.tls()).isFalse();
        assertThat(secret.nodes()).containsExactly("[::1]:6379");
        assertThat(secret.user()).isNull();
        assertThat(secret.password()).isEqualTo("s3cret");
    }

    @Test
    void aPasswordSettingWinsOverTheUrlsAndABlankOneKeepsIt() {
        Map<String, String> separate = new HashMap<>(Map.of("url", "redis://:inurl@r:6379", "password", "fromenv"));
        Map<String, String> blank = new HashMap<>(Map.of("url", "redis://:inurl@r:6379", "password", ""));

        assertThat(RedisTileStoreSettings.parse(separate).password()).isEqualTo("fromenv");
        assertThat(RedisTileStoreSettings.parse(blank).password()).isEqualTo("inurl");
    }

    @Test
    void aWrongUrlIsReportedWithoutItsPassword() {
        InvalidConfigurationException e = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> RedisTileStoreSettings.parse(Map.of("url", "http://:hunter2@r:6379", "nodes", "a:1")));
        InvalidConfigurationException both = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> RedisTileStoreSettings.parse(
                        Map.of("url", "redis://r:6379", "nodes", "a:1", "topology", "CLUSTER")));
        InvalidConfigurationException db = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> RedisTileStoreSettings.parse(Map.of("url", "redis://r:6379/tiles")));

        assertThat(e.problems())
                .containsExactly("url 'http://:***@r:6379' does not start with redis:// or rediss://; write it as "
                        + "redis://[user:password@]host[:port][/database] (rediss:// for TLS)");
        assertThat(e.getMessage()).doesNotContain("hunter2");
        assertThat(both.problems())
                .contains(
                        "url and nodes are both set; give one server as url, or several as nodes",
                        "url names one server (topology STANDALONE); for CLUSTER or SENTINEL list the servers in nodes");
        assertThat(db.problems())
                .containsExactly("url 'redis://r:6379/tiles' ends with '/tiles', which is no database number; write it "
                        + "as redis://[user:password@]host[:port][/database] (rediss:// for TLS)");
    }
}

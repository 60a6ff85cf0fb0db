package org.gsweather.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisTileStoreConfigTest {
    @Test
    void defaultsAreAValidLocalStandaloneStore() {
        RedisTileStoreConfig c = RedisTileStoreConfig.builder().build();

        assertThat(c.topology()).isEqualTo(RedisTileStoreConfig.Topology.STANDALONE);
        assertThat(c.nodes()).containsExactly("localhost:6379");
        assertThat(c.keyPrefix()).isEqualTo("gwc");
        assertThat(c.readTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.nearCacheMaxBytes()).isZero();
        assertThat(c.worstCaseRequestTime()).isEqualTo(Duration.ofMillis(850));
    }

    @Test
    void everyWrongSettingIsNamedWithWhatWouldBeRight() {
        InvalidConfigurationException e = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> RedisTileStoreConfig.builder()
                        .topology(RedisTileStoreConfig.Topology.CLUSTER)
                        .nodes(List.of("redis-1:6379", "redis-2", "redis-3:70000"))
                        .database(3)
                        .readTimeout(Duration.ZERO)
                        .keyPrefix("gwc{tiles}")
                        .user("gwc")
                        .build());

        assertThat(e.problems())
                .containsExactly(
                        "nodes entry 'redis-2' is not host:port (e.g. redis.example:6379 or [::1]:6379)",
                        "nodes entry 'redis-3:70000' has port 70000; use 1..65535",
                        "user 'gwc' is set without a password; ACL users need both",
                        "database is 3 but Redis Cluster only has database 0; set database 0",
                        "readTimeout is 0ms; use between 1ms and 60000ms",
                        "keyPrefix 'gwc{tiles}' must be 1..64 characters of A-Z a-z 0-9 _ . - (default gwc)");
        assertThat(e.getMessage()).startsWith("Invalid Redis tile store configuration:\n  - nodes entry 'redis-2'");
    }

    @Test
    void sentinelNeedsAMasterNameAndOthersMustNotHaveOne() {
        assertThat(catchThrowableOfType(
                                InvalidConfigurationException.class,
                                () -> RedisTileStoreConfig.builder()
                                        .topology(RedisTileStoreConfig.Topology.SENTINEL)
                                        .build())
                        .problems())
                .singleElement()
                .asString()
                .startsWith("sentinelMasterName is missing");
        assertThat(catchThrowableOfType(
                                InvalidConfigurationException.class,
                                () -> RedisTileStoreConfig.builder()
                                        .sentinelMasterName("mymaster")
                                        .build())
                        .problems())
                .containsExactly("sentinelMasterName is set but topology is STANDALONE; remove it or set topology"
                        + " SENTINEL");
    }

    @Test
    void standaloneTakesExactlyOneNode() {
        assertThat(catchThrowableOfType(
                                InvalidConfigurationException.class,
                                () -> RedisTileStoreConfig.builder()
                                        .nodes(List.of("a:1", "b:2"))
                                        .build())
                        .problems())
                .singleElement()
                .asString()
                .contains("topology STANDALONE takes exactly one");
    }

    @Test
    void aTrustStoreNeedsTlsAFileThatHoldsCertificatesAndAPasswordOnlyWithIt(@TempDir Path dir) throws Exception {
        Path notCertificates = Files.writeString(dir.resolve("notes.txt"), "not a trust store");
        String missing = dir.resolve("missing.p12").toString();

        assertThat(problems(b -> b.tlsTrustStore(missing)))
                .containsExactly("tlsTrustStore is set but tls is false; set tls true or remove tlsTrustStore");
        assertThat(problems(b -> b.tls(true).tlsTrustStore(missing)))
                .singleElement()
                .asString()
                .startsWith("tlsTrustStore '" + missing + "' cannot be read (java.nio.file.NoSuchFileException")
                .endsWith("; give a PEM file of the CA certificates that signed the Redis server's certificate, or a"
                        + " PKCS12/JKS trust store holding them with its tlsTrustStorePassword");
        assertThat(problems(b -> b.tls(true).tlsTrustStore(notCertificates.toString())))
                .singleElement()
                .asString()
                .startsWith("tlsTrustStore '" + notCertificates
                        + "' is neither a PEM file of certificates nor a PKCS12/JKS trust store this password opens");
        assertThat(problems(b -> b.tls(true).tlsTrustStorePassword("secret")))
                .containsExactly("tlsTrustStorePassword is set without a tlsTrustStore; set both or neither");
    }

    private static List<String> problems(Consumer<RedisTileStoreConfig.Builder> settings) {
        RedisTileStoreConfig.Builder b = RedisTileStoreConfig.builder();
        settings.accept(b);
        return catchThrowableOfType(InvalidConfigurationException.class, b::build)
                .problems();
    }

    @Test
    void passwordIsNeverPrinted() {
        RedisTileStoreConfig c =
                RedisTileStoreConfig.builder().user("u").password("s3cret").build();

        assertThat(c.toString()).doesNotContain("s3cret").contains("password=***");
    }
}

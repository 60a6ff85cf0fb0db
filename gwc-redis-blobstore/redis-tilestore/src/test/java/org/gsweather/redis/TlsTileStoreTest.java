package org.gsweather.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TLS to a real redis-server that only listens on its TLS port, with a CA and server certificate made for the run by
 * the openssl command line. Skipped, saying why, when openssl or a redis-server built with TLS is missing.
 */
class TlsTileStoreTest {
    private static final CacheId CACHE = new CacheId("id", "g", "image/png", null);
    private static final String PASSWORD = "trust-pass";

    private static TestCertificates certificates;
    private static RedisServerProcess redis;
    private static String unavailable;
    private final List<RedisTileStore> stores = new ArrayList<>();

    @BeforeAll
    static void startTlsRedis() throws IOException {
        if (!TestCertificates.opensslAvailable()) {
            skipAll("the openssl command is not on the PATH (Debian: apt-get install openssl)");
            return;
        }
        certificates = TestCertificates.create();
        Set<Path> candidates = new LinkedHashSet<>(List.of(RedisServerProcess.binary(), Path.of("redis-server")));
        List<String> failures = new ArrayList<>();
        for (Path binary : candidates) {
            int port = RedisServerProcess.freePort();
            try {
                redis = RedisServerProcess.launchWith(
                        binary, port, certificates.redisServerArguments(port).toArray(String[]::new));
                return;
            } catch (IOException | RuntimeException e) {
                failures.add(binary + ": " + e.getMessage().lines().limit(8).toList());
            }
        }
        skipAll("no redis-server here starts with --tls-port (install one built with TLS, e.g. Debian's"
                + " redis-server, or set -Dgsweather.redis.server): " + failures);
    }

    private static void skipAll(String why) {
        unavailable = "TLS tests skipped: " + why;
        System.err.println(unavailable);
    }

    @BeforeEach
    void needsTlsRedis() {
        assumeTrue(unavailable == null, unavailable);
    }

    @AfterAll
    static void stopTlsRedis() throws IOException {
        if (redis != null) {
            redis.close();
        }
        if (certificates != null) {
            certificates.delete();
        }
    }

    @AfterEach
    void closeStores() {
        stores.forEach(RedisTileStore::close);
    }

    private RedisTileStore store(Consumer<RedisTileStoreConfig.Builder> tls) {
        RedisTileStoreConfig.Builder b = RedisTileStoreConfig.builder().nodes(List.of(redis.address()));
        tls.accept(b);
        RedisTileStore store = RedisTileStore.start(b.build());
        stores.add(store);
        return store;
    }

    private static byte[] tile(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPkcs12TrustStoreHoldingTheServersCaConnects() throws IOException {
        Path trustStore = certificates.pkcs12TrustStore(certificates.caCertificate(), PASSWORD);
        RedisTileStore store =
                store(b -> b.tls(true).tlsTrustStore(trustStore.toString()).tlsTrustStorePassword(PASSWORD));

        assertThat(store.put("l", TileLocation.of(CACHE, 1, 0, 0), tile("over tls"), null)
                        .kind())
                .isEqualTo(PutOutcome.Kind.STORED);

        assertThat(store.get(TileLocation.of(CACHE, 1, 0, 0)).bytes()).isEqualTo(tile("over tls"));
        assertThat(store.deleteLayer("l")).isTrue();
        assertThat(store.get(TileLocation.of(CACHE, 1, 0, 0))).isNull();
    }

    @Test
    void aPemFileOfTheCaIsATrustStoreToo() {
        RedisTileStore store = store(
                b -> b.tls(true).tlsTrustStore(certificates.caCertificate().toString()));

        store.put("l", TileLocation.of(CACHE, 2, 0, 0), tile("pem"), null);

        assertThat(store.get(TileLocation.of(CACHE, 2, 0, 0)).bytes()).isEqualTo(tile("pem"));
    }

    @Test
    void aTrustStoreWithoutTheServersCaFailsWithAnActionableMessage() {
        String otherCa = certificates.otherCa().toString();
        RedisTileStore store = store(b -> b.tls(true).tlsTrustStore(otherCa));

        assertThat(store.get(TileLocation.of(CACHE, 1, 0, 0))).isNull();
        assertThat(store.put("l", TileLocation.of(CACHE, 1, 0, 0), tile("x"), null)
                        .kind())
                .isEqualTo(PutOutcome.Kind.DROPPED);
        assertThatThrownBy(() -> store.deleteLayer("l"))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("the Redis server's TLS certificate is not signed by a CA that tlsTrustStore '"
                        + otherCa + "' holds; set tlsTrustStore to the PEM file of the CA that signed it")
                .hasMessageContaining("PKIX path");
    }

    @Test
    void plainTextToTheTlsPortFailsSuggestingTls() {
        RedisTileStore store = store(b -> {});

        assertThatThrownBy(() -> store.deleteLayer("l"))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("if it only accepts TLS, set tls true");
    }
}

package org.gsweather.gwc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.thoughtworks.xstream.XStream;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.gsweather.redis.RedisTileStoreConfig;
import org.gsweather.redis.RedisTileStoreSettings;
import org.gsweather.redis.TestCertificates;
import org.junit.jupiter.api.Test;

class RedisBlobStoreInfoTest {
    @Test
    void everyTileStoreSettingIsASettingOfTheBlobStore() {
        assertThat(new RedisBlobStoreInfo("r").settings().keySet())
                .containsExactlyElementsOf(RedisTileStoreSettings.INPUT_NAMES);
    }

    @Test
    void secretsAreNeverPrinted() {
        RedisBlobStoreInfo info = new RedisBlobStoreInfo("r");
        info.setPassword("redis-secret");
        info.setTlsTrustStorePassword("store-secret");

        assertThat(info.toString())
                .doesNotContain("redis-secret", "store-secret")
                .contains("password=***", "tlsTrustStorePassword=***");
    }

    @Test
    void theTrustStoreAndItsDecryptedPasswordReachTheTileStore() throws Exception {
        assumeTrue(TestCertificates.opensslAvailable(), "openssl is not on the PATH");
        TestCertificates certificates = TestCertificates.create();
        try {
            Path trustStore = certificates.pkcs12TrustStore(certificates.caCertificate(), "pass");
            RedisBlobStoreInfo info = new RedisBlobStoreInfo("r");
            info.setTls(true);
            info.setTlsTrustStore(trustStore.toString());
            info.setTlsTrustStorePassword("encrypted:pass");
            UnaryOperator<String> decrypt = s -> s.replaceFirst("^encrypted:", "");

            RedisTileStoreConfig config = info.toConfig(UnaryOperator.identity(), decrypt);

            assertThat(config.tlsTrustStore()).isEqualTo(trustStore.toString());
            assertThat(config.tlsTrustStorePassword()).isEqualTo("pass");
        } finally {
            certificates.delete();
        }
    }

    @Test
    void theTrustStoreSettingsRoundTripThroughGwcsXml() {
        XStream xs = new RedisBlobStoreXStreamProvider().getConfiguredXStream(new XStream());
        RedisBlobStoreInfo info = new RedisBlobStoreInfo("r");
        info.setTls(true);
        info.setTlsTrustStore("/etc/redis/ca.crt");
        info.setTlsTrustStorePassword("pass");

        String xml = xs.toXML(info);

        assertThat(xml).contains("<RedisBlobStore", "<tlsTrustStore>/etc/redis/ca.crt</tlsTrustStore>");
        assertThat(xs.fromXML(xml)).isEqualTo(info);
    }
}

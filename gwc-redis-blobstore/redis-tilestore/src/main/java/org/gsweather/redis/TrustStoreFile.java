package org.gsweather.redis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates a store trusts for TLS to Redis, from the file named by {@code tlsTrustStore}: a PKCS12 or JKS
 * trust store (read with {@code tlsTrustStorePassword}), or a PEM file of CA certificates such as Redis' own {@code
 * tls-ca-cert-file}.
 */
final class TrustStoreFile {
    private TrustStoreFile() {}

    /**
     * The trust store in {@code path}.
     *
     * @throws IllegalArgumentException saying what is wrong with the file, for a configuration message
     */
    static KeyStore load(String path, String password) {
        byte[] content;
        try {
            content = Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot be read (" + e + ")", e);
        }
        try {
            KeyStore store = isPem(content) ? fromPem(content) : fromKeyStore(content, password);
            if (store.size() == 0) {
                throw new IllegalArgumentException("holds no certificate");
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "is neither a PEM file of certificates nor a PKCS12/JKS trust store this password opens ("
                            + e.getMessage() + ")",
                    e);
        }
    }

    static SSLSocketFactory socketFactory(KeyStore trusted) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM: " + e.getMessage(), e);
        }
    }

    private static boolean isPem(byte[] content) {
        return new String(content, 0, Math.min(content.length, 4096), StandardCharsets.US_ASCII)
                .contains("-----BEGIN CERTIFICATE-----");
    }

    private static KeyStore fromPem(byte[] content) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates =
                CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content));
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        return store;
    }

    private static KeyStore fromKeyStore(byte[] content, String password) throws IOException, GeneralSecurityException {
        // the PKCS12 type also reads JKS files (keystore.type.compat)
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(content), password == null ? null : password.toCharArray());
        return store;
    }
}

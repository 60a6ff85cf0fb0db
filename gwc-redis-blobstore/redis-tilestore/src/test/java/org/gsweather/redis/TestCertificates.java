package org.gsweather.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throwaway certificates made with the openssl command line for one test run: a CA, a server certificate it signs
 * for {@code 127.0.0.1} and {@code localhost}, and a second CA that signed nothing.
 */
public record TestCertificates(Path dir, Path caCertificate, Path serverCertificate, Path serverKey, Path otherCa) {

    /** Whether the {@code openssl} command can be run. */
    public static boolean opensslAvailable() {
        try {
            return run(Path.of(System.getProperty("java.io.tmpdir")), "openssl", "version") == 0;
        } catch (IOException e) {
            return false;
        }
    }

    public static TestCertificates create() throws IOException {
        Path dir = Files.createTempDirectory("tls-");
        selfSignedCa(dir, "ca", "gs-weather test CA");
        selfSignedCa(dir, "other-ca", "gs-weather unrelated CA");
        openssl(
                dir,
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                "server.key",
                "-out",
                "server.csr",
                "-subj",
                "/CN=localhost");
        Files.writeString(
                dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        openssl(
                dir,
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.crt",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                "server.crt",
                "-days",
                "2",
                "-extfile",
                "server.ext");
        return new TestCertificates(
                dir,
                dir.resolve("ca.crt"),
                dir.resolve("server.crt"),
                dir.resolve("server.key"),
                dir.resolve("other-ca.crt"));
    }

    /** A PKCS12 trust store holding the certificate in {@code pem}, written next to it. */
    public Path pkcs12TrustStore(Path pem, String password) throws IOException {
        Path file = dir.resolve(pem.getFileName() + ".p12");
        try (InputStream in = Files.newInputStream(pem);
                OutputStream out = Files.newOutputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(
                    "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            store.store(out, password.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
        return file;
    }

    /** The redis-server arguments that serve TLS only, on {@code port}, with this server certificate. */
    public List<String> redisServerArguments(int port) {
        return List.of(
                "--port", "0",
                "--tls-port", String.valueOf(port),
                "--tls-cert-file", serverCertificate.toString(),
                "--tls-key-file", serverKey.toString(),
                "--tls-ca-cert-file", caCertificate.toString(),
                "--tls-auth-clients", "no");
    }

    public void delete() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    private static void selfSignedCa(Path dir, String name, String commonName) throws IOException {
        openssl(
                dir,
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                name + ".key",
                "-out",
                name + ".crt",
                "-days",
                "2",
                "-subj",
                "/CN=" + commonName);
    }

    private static void openssl(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        if (run(dir, cmd.toArray(String[]::new)) != 0) {
            throw new IOException("failed: " + String.join(" ", cmd));
        }
    }

    private static int run(Path dir, String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " did not finish: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return p.exitValue();
    }
}

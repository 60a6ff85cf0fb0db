package org.gsweather.redis;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * A Redis failure said so that an operator knows what to change: TLS trust, certificate names and plain-text versus
 * TLS ports get a sentence naming the setting, followed by what the client library reported.
 */
final class FailureMessage {
    private FailureMessage() {}

    static String of(Throwable failure, RedisTileStoreConfig config) {
        String hint = hint(failure, config);
        String reported = reported(failure);
        return hint == null ? reported : hint + " (" + reported + ")";
    }

    private static String hint(Throwable failure, RedisTileStoreConfig config) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof CertPathBuilderException
                    || t instanceof CertPathValidatorException
                    || (t instanceof SSLHandshakeException && message.contains("PKIX path"))) {
                return "the Redis server's TLS certificate is not signed by a CA that "
                        + (config.tlsTrustStore() == null
                                ? "the JVM trust store holds"
                                : "tlsTrustStore '" + config.tlsTrustStore() + "' holds")
                        + "; set tlsTrustStore to the PEM file of the CA that signed it (Redis' tls-ca-cert-file),"
                        + " or add that CA to the trust store";
            }
            if (t instanceof CertificateException
                    && (message.contains("No subject alternative") || message.contains("No name matching"))) {
                return "the Redis server's TLS certificate does not name the address connected to; list in nodes"
                        + " a host name or IP address that the certificate has in its subjectAltName, or reissue it"
                        + " with that name";
            }
            if (t instanceof SSLException && message.contains("nrecognized SSL message")) {
                return "the server does not speak TLS on this port; set tls false, or use the port of Redis'"
                        + " tls-port";
            }
        }
        String reported = reported(failure);
        if (!config.tls() && (reported.contains("Unexpected end of stream") || reported.contains("Connection reset"))) {
            return "the server closed the connection; if it only accepts TLS, set tls true";
        }
        return null;
    }

    /** The failure's message, and its innermost cause's when that says more. */
    private static String reported(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        String innermost = null;
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                innermost = t.getMessage();
            }
        }
        return innermost == null || message.contains(innermost) ? message : message + ": " + innermost;
    }
}

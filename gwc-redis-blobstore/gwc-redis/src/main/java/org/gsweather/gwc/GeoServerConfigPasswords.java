package org.gsweather.gwc;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.geoserver.platform.GeoServerExtensions;
import org.geoserver.security.GeoServerSecurityManager;

/**
 * GeoServer's encryption of passwords in configuration files (the encoder chosen under Security > Passwords, PBE by
 * default, with GeoServer's keystore), applied to the Redis password in {@code geowebcache.xml}. Outside GeoServer,
 * or before its security is up, values pass through unchanged. Placeholders ({@code ${...}}) are never encrypted.
 */
final class GeoServerConfigPasswords {
    private static final Logger LOG = Logger.getLogger(GeoServerConfigPasswords.class.getName());

    private GeoServerConfigPasswords() {}

    static String encode(String password) {
        if (password == null || password.isEmpty() || password.startsWith("${")) {
            return password;
        }
        GeoServerSecurityManager security = securityManager();
        if (security == null || isEncoded(security, password)) {
            return password;
        }
        try {
            return security.getConfigPasswordEncryptionHelper().encode(password);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not encrypt the Redis password; it is written as given", e);
            return password;
        }
    }

    static String decode(String password) {
        if (password == null || password.isEmpty()) {
            return password;
        }
        GeoServerSecurityManager security = securityManager();
        if (security == null) {
            return password;
        }
        return security.getConfigPasswordEncryptionHelper().decode(password);
    }

    private static boolean isEncoded(GeoServerSecurityManager security, String value) {
        return security.loadPasswordEncoders().stream()
                .anyMatch(e -> e.isReversible() && e.getPrefix() != null && e.isResponsibleForEncoding(value));
    }

    private static GeoServerSecurityManager securityManager() {
        try {
            return GeoServerExtensions.bean(GeoServerSecurityManager.class);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}

package org.gsweather.loadtest.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Load goes only to loopback addresses or to hosts named with {@code --allow-host}, so that a mistyped URL does not
 * load-test someone else's server.
 */
public final class HostPolicy {
    private HostPolicy() {}

    /** Throws {@link UnsafeTargetException} unless the host is loopback or allowed. */
    public static void check(String host, List<String> allowed) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.trim().equalsIgnoreCase(h)) {
                return;
            }
        }
        if (!isLoopback(host)) {
            throw new UnsafeTargetException(host + " is not a loopback address; to load it, name it with --allow-host "
                    + host + " (and be sure you may)");
        }
    }

    /** Whether every address the host resolves to is a loopback address. */
    public static boolean isLoopback(String host) {
        try {
            InetAddress[] all = InetAddress.getAllByName(host.replace("[", "").replace("]", ""));
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A target the policy refuses. */
    public static final class UnsafeTargetException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnsafeTargetException(String message) {
            super(message);
        }
    }
}

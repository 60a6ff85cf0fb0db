package org.gsweather.geoserver.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.geoserver.catalog.LayerInfo;
import org.geoserver.catalog.PublishedInfo;
import org.geoserver.catalog.ResourceInfo;
import org.geoserver.gwc.GWC;
import org.geoserver.gwc.layer.GeoServerTileLayer;
import org.geoserver.platform.GeoServerExtensions;
import org.geoserver.security.ResourceAccessManager;
import org.geoserver.security.SecureCatalogImpl;
import org.geoserver.security.WorkspaceAccessLimits;
import org.geoserver.security.impl.GeoServerRole;
import org.geoserver.security.impl.ServiceAccessRule;
import org.geoserver.security.impl.ServiceAccessRuleDAO;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Which tile layers anyone may read, so that their cached tiles are the same for every caller and can be served before
 * GeoServer's dispatcher, and rendered ahead without a user: a layer (not a group) that is enabled, whose layer and
 * workspace GeoServer's resource access manager gives an anonymous caller without any limit, with no service rule on
 * WMTS or GWC and GWC's disk quota off (its usage statistics need every request). Anything else, or any failure to
 * tell, is "no". Decisions are kept for two seconds, so that security changes apply within that time.
 */
final class PublicLayers {
    private static final Logger LOG = Logger.getLogger(PublicLayers.class.getName());
    static final Duration KEEP = Duration.ofSeconds(2);
    private static final Authentication ANONYMOUS =
            new AnonymousAuthenticationToken("geoserver", "null", List.of(GeoServerRole.ANONYMOUS_ROLE));

    private final Cache<String, Boolean> decisions =
            Caffeine.newBuilder().expireAfterWrite(KEEP).maximumSize(10_000).build();

    boolean anyoneMayRead(GeoServerTileLayer layer) {
        return decisions.get(layer.getName(), n -> decide(layer));
    }

    private static boolean decide(GeoServerTileLayer layer) {
        try {
            if (!layer.isEnabled()) {
                return false;
            }
            PublishedInfo published = layer.getPublishedInfo();
            if (!(published instanceof LayerInfo info) || !info.enabled()) {
                return false;
            }
            GWC gwc = GWC.get();
            if (gwc == null || gwc.isDiskQuotaEnabled()) {
                return false;
            }
            SecureCatalogImpl secure = GeoServerExtensions.bean(SecureCatalogImpl.class);
            ResourceAccessManager access = secure == null ? null : secure.getResourceAccessManager();
            if (access == null || access.getAccessLimits(ANONYMOUS, info) != null) {
                return false;
            }
            ResourceInfo resource = info.getResource();
            WorkspaceAccessLimits ws = resource.getStore() == null
                    ? null
                    : access.getAccessLimits(ANONYMOUS, resource.getStore().getWorkspace());
            if (ws != null && !ws.isReadable()) {
                return false;
            }
            ServiceAccessRuleDAO services = GeoServerExtensions.bean(ServiceAccessRuleDAO.class);
            if (services == null) {
                return false;
            }
            for (ServiceAccessRule r : services.getRules()) {
                String s = r.getService() == null ? "" : r.getService().toLowerCase(Locale.ROOT);
                if (s.equals(ServiceAccessRule.ANY) || s.equals("gwc") || s.equals("wmts")) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cannot tell whether anyone may read " + layer.getName(), e);
            return false;
        }
    }
}

package org.gsweather.gwc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.geowebcache.GeoWebCacheEnvironment;
import org.geowebcache.GeoWebCacheExtensions;
import org.geowebcache.config.BlobStoreInfo;
import org.geowebcache.layer.TileLayerDispatcher;
import org.geowebcache.locks.LockProvider;
import org.geowebcache.storage.BlobStore;
import org.geowebcache.storage.CompositeBlobStore;
import org.geowebcache.storage.StorageException;
import org.geowebcache.storage.UnsuitableStorageException;
import org.gsweather.redis.InvalidConfigurationException;
import org.gsweather.redis.PrefixContents;
import org.gsweather.redis.RedisTileStore;
import org.gsweather.redis.RedisTileStoreConfig;
import org.gsweather.redis.RedisTileStoreSettings;
import org.gsweather.redis.RedisUrl;
import org.gsweather.redis.StoreUnavailableException;

/**
 * The configuration of a Redis blob store, as GWC keeps it in {@code geowebcache.xml} (element {@code
 * RedisBlobStore}), takes it over GWC REST and edits it in GeoServer's blob store page. Every setting is text named
 * as in {@link RedisTileStoreConfig}; blank means the default. Values may be {@code ${NAME}} placeholders, resolved
 * from the environment and system properties when GWC allows it ({@code ALLOW_ENV_PARAMETRIZATION=true}). A literal
 * password is written encrypted with GeoServer's configuration password encoder.
 */
public class RedisBlobStoreInfo extends BlobStoreInfo {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RedisBlobStoreInfo.class.getName());
    /** Settings written encrypted, and never shown. */
    static final List<String> SECRETS = List.of("password", "tlsTrustStorePassword");
    /**
     * Settings written encrypted: the secrets, and a {@code url} that holds a password ({@code redis://:pw@host});
     * a url without one is written as given, so that the form and REST show where the store is.
     */
    static final List<String> ENCRYPTED = List.of("password", "tlsTrustStorePassword", RedisTileStoreSettings.URL);

    private String url;
    private String topology;
    private String nodes;
    private String sentinelMasterName;
    private String user;
    private String password;
    private String database;
    private Boolean tls;
    private String tlsTrustStore;
    private String tlsTrustStorePassword;
    private String connectTimeout;
    private String readTimeout;
    private String poolMaxTotal;
    private String poolMinIdle;
    private String poolBorrowTimeout;
    private String clusterMaxAttempts;
    private String keyPrefix;
    private String shardsPerCache;
    private String tileTtl;
    private String breakerFailureThreshold;
    private String breakerOpenDuration;
    private String deleteScanCount;
    private String deleteBatchPause;
    private String syncRangeDeleteLimit;
    private String nearCacheMaxBytes;

    public RedisBlobStoreInfo() {
        super();
    }

    public RedisBlobStoreInfo(String name) {
        super(name);
    }

    /** The settings as written (placeholders unresolved, password as stored). */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(RedisTileStoreSettings.URL, url);
        s.put("topology", topology);
        s.put("nodes", nodes);
        s.put("sentinelMasterName", sentinelMasterName);
        s.put("user", user);
        s.put("password", password);
        s.put("database", database);
        s.put("tls", tls == null ? null : tls.toString());
        s.put("tlsTrustStore", tlsTrustStore);
        s.put("tlsTrustStorePassword", tlsTrustStorePassword);
        s.put("connectTimeout", connectTimeout);
        s.put("readTimeout", readTimeout);
        s.put("poolMaxTotal", poolMaxTotal);
        s.put("poolMinIdle", poolMinIdle);
        s.put("poolBorrowTimeout", poolBorrowTimeout);
        s.put("clusterMaxAttempts", clusterMaxAttempts);
        s.put("keyPrefix", keyPrefix);
        s.put("shardsPerCache", shardsPerCache);
        s.put("tileTtl", tileTtl);
        s.put("breakerFailureThreshold", breakerFailureThreshold);
        s.put("breakerOpenDuration", breakerOpenDuration);
        s.put("deleteScanCount", deleteScanCount);
        s.put("deleteBatchPause", deleteBatchPause);
        s.put("syncRangeDeleteLimit", syncRangeDeleteLimit);
        s.put("nearCacheMaxBytes", nearCacheMaxBytes);
        return s;
    }

    /**
     * The tile store configuration these settings describe, placeholders resolved and the password decrypted.
     *
     * @throws InvalidConfigurationException naming every wrong setting and what would be right
     */
    public RedisTileStoreConfig toConfig() {
        return toConfig(RedisBlobStoreInfo::resolvePlaceholder, GeoServerConfigPasswords::decode);
    }

    RedisTileStoreConfig toConfig(UnaryOperator<String> resolve, UnaryOperator<String> decrypt) {
        Map<String, String> resolved = new LinkedHashMap<>();
        settings().forEach((k, v) -> resolved.put(k, v == null ? null : resolve.apply(v)));
        for (String name : ENCRYPTED) {
            String secret = resolved.get(name);
            if (secret != null && !secret.isEmpty()) {
                resolved.put(name, decrypt.apply(secret));
            }
        }
        return RedisTileStoreSettings.parse(resolved);
    }

    @Override
    public BlobStore createInstance(TileLayerDispatcher layers, LockProvider lockProvider) throws StorageException {
        RedisTileStoreConfig config;
        try {
            config = toConfig();
        } catch (InvalidConfigurationException e) {
            throw new StorageException("Redis blob store '" + getName() + "': " + e.getMessage());
        }
        checkSuitability(config);
        return new RedisBlobStore(getName(), isDefault(), RedisTileStore.start(config), layers);
    }

    /**
     * GWC's check that a new store does not take over storage holding something else: the key prefix must be empty
     * or already hold a tile store. A Redis that cannot be reached now is not a reason to refuse the store (it
     * serves misses until Redis answers), so the check is then skipped with a warning.
     */
    private void checkSuitability(RedisTileStoreConfig config) throws UnsuitableStorageException {
        if (CompositeBlobStore.getStoreSuitabilityCheck() == CompositeBlobStore.StoreSuitabilityCheck.NONE) {
            return;
        }
        PrefixContents contents;
        try {
            contents = RedisTileStore.examinePrefix(config);
        } catch (StoreUnavailableException e) {
            LOG.warning(
                    "Redis blob store '" + getName() + "' created without its suitability check: " + e.getMessage());
            return;
        }
        UnsuitableStorageException.checkSuitability(
                getLocation()
                        + (contents == PrefixContents.FOREIGN_KEYS
                                ? " (keys under the prefix that no tile store wrote; choose another keyPrefix)"
                                : ""),
                contents == PrefixContents.TILE_STORE,
                contents == PrefixContents.EMPTY);
    }

    @Override
    public String getLocation() {
        if (url != null && !url.isBlank()) {
            return "redis " + (url.contains("${") ? url : urlWithoutPassword()) + " prefix "
                    + (keyPrefix == null ? "gwc" : keyPrefix);
        }
        return "redis " + (topology == null ? "STANDALONE" : topology) + " "
                + (nodes == null ? "localhost:6379" : nodes) + " database " + (database == null ? "0" : database)
                + " prefix " + (keyPrefix == null ? "gwc" : keyPrefix);
    }

    private String urlWithoutPassword() {
        try {
            return RedisUrl.parse(GeoServerConfigPasswords.decode(url)).toString();
        } catch (RuntimeException e) {
            return "(url not readable)";
        }
    }

    private static String resolvePlaceholder(String value) {
        if (!GeoWebCacheEnvironment.ALLOW_ENV_PARAMETRIZATION || !value.contains("${")) {
            return value;
        }
        GeoWebCacheEnvironment env = GeoWebCacheExtensions.bean(GeoWebCacheEnvironment.class);
        if (env == null) {
            return value;
        }
        Object resolved = env.resolveValue(value);
        return resolved == null ? null : resolved.toString();
    }

    @Override
    public String toString() {
        Map<String, String> s = settings();
        for (String name : SECRETS) {
            if (s.get(name) != null) {
                s.put(name, "***");
            }
        }
        if (url != null) {
            s.put(RedisTileStoreSettings.URL, url.contains("${") ? url : urlWithoutPassword());
        }
        s.values().removeIf(Objects::isNull);
        return "RedisBlobStoreInfo[name=" + getName() + ", enabled=" + isEnabled() + ", default=" + isDefault() + ", "
                + s + "]";
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), settings());
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof RedisBlobStoreInfo other
                && super.equals(obj)
                && settings().equals(other.settings());
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getTopology() {
        return topology;
    }

    public void setTopology(String topology) {
        this.topology = topology;
    }

    public String getNodes() {
        return nodes;
    }

    public void setNodes(String nodes) {
        this.nodes = nodes;
    }

    public String getSentinelMasterName() {
        return sentinelMasterName;
    }

    public void setSentinelMasterName(String sentinelMasterName) {
        this.sentinelMasterName = sentinelMasterName;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public Boolean getTls() {
        return tls;
    }

    public void setTls(Boolean tls) {
        this.tls = tls;
    }

    public String getTlsTrustStore() {
        return tlsTrustStore;
    }

    public void setTlsTrustStore(String tlsTrustStore) {
        this.tlsTrustStore = tlsTrustStore;
    }

    public String getTlsTrustStorePassword() {
        return tlsTrustStorePassword;
    }

    public void setTlsTrustStorePassword(String tlsTrustStorePassword) {
        this.tlsTrustStorePassword = tlsTrustStorePassword;
    }

    public String getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(String readTimeout) {
        this.readTimeout = readTimeout;
    }

    public String getPoolMaxTotal() {
        return poolMaxTotal;
    }

    public void setPoolMaxTotal(String poolMaxTotal) {
        this.poolMaxTotal = poolMaxTotal;
    }

    public String getPoolMinIdle() {
        return poolMinIdle;
    }

    public void setPoolMinIdle(String poolMinIdle) {
        this.poolMinIdle = poolMinIdle;
    }

    public String getPoolBorrowTimeout() {
        return poolBorrowTimeout;
    }

    public void setPoolBorrowTimeout(String poolBorrowTimeout) {
        this.poolBorrowTimeout = poolBorrowTimeout;
    }

    public String getClusterMaxAttempts() {
        return clusterMaxAttempts;
    }

    public void setClusterMaxAttempts(String clusterMaxAttempts) {
        this.clusterMaxAttempts = clusterMaxAttempts;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public String getShardsPerCache() {
        return shardsPerCache;
    }

    public void setShardsPerCache(String shardsPerCache) {
        this.shardsPerCache = shardsPerCache;
    }

    public String getTileTtl() {
        return tileTtl;
    }

    public void setTileTtl(String tileTtl) {
        this.tileTtl = tileTtl;
    }

    public String getBreakerFailureThreshold() {
        return breakerFailureThreshold;
    }

    public void setBreakerFailureThreshold(String breakerFailureThreshold) {
        this.breakerFailureThreshold = breakerFailureThreshold;
    }

    public String getBreakerOpenDuration() {
        return breakerOpenDuration;
    }

    public void setBreakerOpenDuration(String breakerOpenDuration) {
        this.breakerOpenDuration = breakerOpenDuration;
    }

    public String getDeleteScanCount() {
        return deleteScanCount;
    }

    public void setDeleteScanCount(String deleteScanCount) {
        this.deleteScanCount = deleteScanCount;
    }

    public String getDeleteBatchPause() {
        return deleteBatchPause;
    }

    public void setDeleteBatchPause(String deleteBatchPause) {
        this.deleteBatchPause = deleteBatchPause;
    }

    public String getSyncRangeDeleteLimit() {
        return syncRangeDeleteLimit;
    }

    public void setSyncRangeDeleteLimit(String syncRangeDeleteLimit) {
        this.syncRangeDeleteLimit = syncRangeDeleteLimit;
    }

    public String getNearCacheMaxBytes() {
        return nearCacheMaxBytes;
    }

    public void setNearCacheMaxBytes(String nearCacheMaxBytes) {
        this.nearCacheMaxBytes = nearCacheMaxBytes;
    }
}

package org.gsweather.gwc.cluster;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.geoserver.catalog.Catalog;
import org.geoserver.catalog.CatalogInfo;
import org.geoserver.catalog.event.CatalogAddEvent;
import org.geoserver.catalog.event.CatalogListener;
import org.geoserver.catalog.event.CatalogModifyEvent;
import org.geoserver.catalog.event.CatalogPostModifyEvent;
import org.geoserver.catalog.event.CatalogRemoveEvent;
import org.geoserver.config.ConfigurationListenerAdapter;
import org.geoserver.config.GeoServer;
import org.geoserver.config.GeoServerInfo;
import org.geoserver.config.LoggingInfo;
import org.geoserver.config.ServiceInfo;
import org.geoserver.config.SettingsInfo;
import org.geoserver.config.impl.GeoServerLifecycleHandler;
import org.geoserver.platform.ContextLoadedEvent;
import org.geoserver.platform.GeoServerExtensions;
import org.geowebcache.config.BlobStoreConfigurationListener;
import org.geowebcache.config.BlobStoreInfo;
import org.geowebcache.config.XMLConfiguration;
import org.gsweather.gwc.LiveRedisBlobStores;
import org.gsweather.redis.NodeChannel;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Makes a configuration change on one GeoServer node reach the others that share its data directory, without a
 * restart. GeoServer keeps its catalog and settings in memory and reads the data directory only at start or on a
 * reload ({@code /rest/reload}); GWC tile layers ({@code gwc-layers/}) it re-reads by itself when their files change
 * (a 5 s file watcher), blob stores ({@code geowebcache.xml}) only on a reload.
 *
 * <p>So this node says "configuration changed" on the Redis node channel of its primary Redis blob store after every
 * catalog add, change or removal, settings or service change, blob store change, and after a reload or reset asked
 * of it (an operator who edited files by hand and reloaded one node reloads them all). The other nodes reload
 * GeoServer's configuration ({@code GeoServer.reload()}, which reloads GWC's too) once the changes have settled: 1 s
 * after the last message, at most 5 s after the first. What they do because of it is not told again.
 */
public class ConfigurationSync extends ConfigurationListenerAdapter
        implements CatalogListener,
                BlobStoreConfigurationListener,
                GeoServerLifecycleHandler,
                ApplicationListener<ApplicationEvent>,
                DisposableBean {
    private static final Logger LOG = Logger.getLogger(ConfigurationSync.class.getName());
    static final String CONFIG_CHANGED = "config";
    static final String RELOAD = "reload";
    static final String RESET = "reset";
    private static final long SEND_DELAY_MILLIS = 200;
    private static final long QUIET_MILLIS = 1000;
    private static final long MAX_DELAY_MILLIS = 5000;

    private static volatile ConfigurationSync instance;

    private final GeoServer geoServer;
    private final Catalog catalog;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gsweather-configuration-sync");
        t.setDaemon(true);
        return t;
    });
    /** Reloads and resets in progress on this node: what they change is not told to the others. */
    private final AtomicInteger reloading = new AtomicInteger();

    private volatile boolean started;
    private volatile boolean applyingPeerChange;
    private ScheduledFuture<?> pendingSend;
    private String pendingWhat;
    private ScheduledFuture<?> pendingApply;
    private long firstPendingApply;
    private boolean resetOnly = true;

    public ConfigurationSync(GeoServer geoServer, Catalog catalog) {
        this.geoServer = geoServer;
        this.catalog = catalog;
    }

    /** Messages of other nodes, from every Redis blob store's node channel. */
    public static void onNodeMessage(NodeChannel.Message message) {
        ConfigurationSync sync = instance;
        if (sync != null && CONFIG_CHANGED.equals(message.kind())) {
            sync.peerChanged(message.payload());
        }
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ContextLoadedEvent && !started) {
            catalog.addListener(this);
            geoServer.addListener(this);
            XMLConfiguration gwc = GeoServerExtensions.bean(XMLConfiguration.class);
            if (gwc != null) {
                gwc.addBlobStoreListener(this);
            }
            instance = this;
            started = true;
        }
    }

    // ------------------------------------------------------------------ this node changed something

    private void changed(String what) {
        if (!started || reloading.get() > 0) {
            return;
        }
        synchronized (this) {
            pendingWhat = pendingWhat == null ? what : pendingWhat;
            if (pendingSend == null) {
                pendingSend = scheduler.schedule(this::send, SEND_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void send() {
        String what;
        synchronized (this) {
            what = pendingWhat;
            pendingWhat = null;
            pendingSend = null;
        }
        LiveRedisBlobStores.primary()
                .ifPresentOrElse(
                        s -> s.tileStore().channel().publish(CONFIG_CHANGED, what),
                        () -> LOG.fine("No Redis blob store: configuration change not told to other nodes"));
    }

    private static String describe(CatalogInfo info) {
        return info == null ? "catalog" : info.getClass().getSimpleName().replace("Impl", "") + " " + info.getId();
    }

    @Override
    public void handleAddEvent(CatalogAddEvent event) {
        changed("added " + describe(event.getSource()));
    }

    @Override
    public void handleRemoveEvent(CatalogRemoveEvent event) {
        changed("removed " + describe(event.getSource()));
    }

    @Override
    public void handleModifyEvent(CatalogModifyEvent event) {
        // told after the change is written (handlePostModifyEvent)
    }

    @Override
    public void handlePostModifyEvent(CatalogPostModifyEvent event) {
        changed("modified " + describe(event.getSource()));
    }

    @Override
    public void handlePostGlobalChange(GeoServerInfo global) {
        changed("global settings");
    }

    @Override
    public void handleSettingsAdded(SettingsInfo settings) {
        changed("workspace settings");
    }

    @Override
    public void handleSettingsPostModified(SettingsInfo settings) {
        changed("workspace settings");
    }

    @Override
    public void handleSettingsRemoved(SettingsInfo settings) {
        changed("workspace settings");
    }

    @Override
    public void handlePostLoggingChange(LoggingInfo logging) {
        changed("logging");
    }

    @Override
    public void handlePostServiceChange(ServiceInfo service) {
        changed("service " + service.getName());
    }

    @Override
    public void handleServiceRemove(ServiceInfo service) {
        changed("service " + service.getName());
    }

    @Override
    public void reloaded() {
        // the catalog and settings were read again: a reload, handled as such below
    }

    @Override
    public void handleAddBlobStore(BlobStoreInfo info) {
        changed("blob store " + info.getName());
    }

    @Override
    public void handleRemoveBlobStore(BlobStoreInfo info) {
        changed("blob store " + info.getName());
    }

    @Override
    public void handleModifyBlobStore(BlobStoreInfo info) {
        changed("blob store " + info.getName());
    }

    @Override
    public void handleRenameBlobStore(String oldName, BlobStoreInfo info) {
        changed("blob store " + oldName);
    }

    @Override
    public void beforeReload() {
        reloading.incrementAndGet();
    }

    @Override
    public void onReload() {
        reloading.decrementAndGet();
        if (!applyingPeerChange) {
            changed(RELOAD);
        }
    }

    @Override
    public void onReset() {
        if (reloading.get() == 0 && !applyingPeerChange) {
            changed(RESET);
        }
    }

    @Override
    public void onDispose() {
        // nothing to tell: the node is going away
    }

    // ------------------------------------------------------------------ another node changed something

    private synchronized void peerChanged(String what) {
        long now = System.currentTimeMillis();
        if (pendingApply == null) {
            firstPendingApply = now;
            resetOnly = true;
        } else {
            pendingApply.cancel(false);
        }
        resetOnly &= RESET.equals(what);
        long delay = Math.max(0, Math.min(QUIET_MILLIS, firstPendingApply + MAX_DELAY_MILLIS - now));
        boolean reset = resetOnly;
        pendingApply = scheduler.schedule(() -> apply(what, reset), delay, TimeUnit.MILLISECONDS);
    }

    private void apply(String lastWhat, boolean reset) {
        synchronized (this) {
            pendingApply = null;
        }
        long start = System.nanoTime();
        applyingPeerChange = true;
        try {
            if (reset) {
                geoServer.reset();
            } else {
                geoServer.reload();
            }
            LOG.info(() -> (reset ? "Reset" : "Reloaded") + " the configuration after a change on another node ("
                    + lastWhat + ") in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (Exception e) {
            LOG.log(
                    Level.SEVERE,
                    "Could not reload the configuration changed on another node (" + lastWhat
                            + "); reload this node with /rest/reload or restart it",
                    e);
        } finally {
            applyingPeerChange = false;
        }
    }

    @Override
    public void destroy() {
        instance = null;
        started = false;
        catalog.removeListener(this);
        geoServer.removeListener(this);
        scheduler.shutdownNow();
    }
}

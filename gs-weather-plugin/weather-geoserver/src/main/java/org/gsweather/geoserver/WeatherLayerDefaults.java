package org.gsweather.geoserver;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.geoserver.catalog.Catalog;
import org.geoserver.catalog.CoverageInfo;
import org.geoserver.catalog.DimensionInfo;
import org.geoserver.catalog.ProjectionPolicy;
import org.geoserver.catalog.ResourceInfo;
import org.geoserver.catalog.event.CatalogAddEvent;
import org.geoserver.catalog.event.CatalogBeforeAddEvent;
import org.geoserver.catalog.event.CatalogListener;
import org.geoserver.catalog.event.CatalogModifyEvent;
import org.geoserver.catalog.event.CatalogPostModifyEvent;
import org.geoserver.catalog.event.CatalogRemoveEvent;
import org.geoserver.catalog.impl.DimensionInfoImpl;
import org.gsweather.store.Coverage;
import org.gsweather.store.FileFormat;
import org.gsweather.store.WeatherStore;

/**
 * Fills in what GeoServer cannot derive for a new weather layer, before it is added (REST or admin UI),
 * leaving alone whatever the user set:
 *
 * <ul>
 *   <li>declared SRS EPSG:4326, reprojected from the native CRS, when the native CRS has no EPSG code
 *       (Lambert, polar stereographic, rotated and geostationary grids): without a declared SRS WMS
 *       capabilities cannot list the layer;
 *   <li>the title ({@code TMP Temperature [K], Isobaric surface}) instead of the bare name;
 *   <li>the ELEVATION dimension's units ({@code hPa}, {@code m}), disabled until the user enables it.
 * </ul>
 */
public class WeatherLayerDefaults implements CatalogListener {
    private static final Logger LOG = Logger.getLogger(WeatherLayerDefaults.class.getName());

    public WeatherLayerDefaults(Catalog catalog) {
        catalog.addListener(this);
    }

    @Override
    public void handlePreAddEvent(CatalogBeforeAddEvent event) {
        if (!(event.getSource() instanceof CoverageInfo c) || c.getStore() == null) {
            return;
        }
        FileFormat format = WeatherTypes.of(c.getStore().getType());
        if (format == null) {
            return;
        }
        if (c.getSRS() == null) {
            c.setSRS("EPSG:4326");
            c.setProjectionPolicy(ProjectionPolicy.REPROJECT_TO_DECLARED);
        }
        Coverage coverage = coverage(c, format);
        if (coverage == null) {
            return;
        }
        if (c.getTitle() == null || c.getTitle().equals(c.getName())) {
            c.setTitle(coverage.title());
        }
        if (!coverage.levelValues().isEmpty() && c.getMetadata().get(ResourceInfo.ELEVATION) == null) {
            DimensionInfo elevation = new DimensionInfoImpl();
            elevation.setEnabled(false);
            elevation.setUnits(coverage.levels().units());
            elevation.setUnitSymbol(coverage.levels().units());
            c.getMetadata().put(ResourceInfo.ELEVATION, elevation);
        }
    }

    private static Coverage coverage(CoverageInfo c, FileFormat format) {
        try {
            c.getStore().getGridCoverageReader(null, null); // opens the store if no reader did yet
            WeatherStore store =
                    WeatherStores.find(WeatherSource.of(c.getStore()).settings(format));
            String name = c.getNativeCoverageName() != null ? c.getNativeCoverageName() : c.getName();
            return store == null ? null : store.snapshot().coverage(name);
        } catch (Exception e) {
            LOG.log(Level.FINE, "no defaults for " + c.getName(), e);
            return null;
        }
    }

    @Override
    public void handleAddEvent(CatalogAddEvent event) {}

    @Override
    public void handleRemoveEvent(CatalogRemoveEvent event) {}

    @Override
    public void handleModifyEvent(CatalogModifyEvent event) {}

    @Override
    public void handlePostModifyEvent(CatalogPostModifyEvent event) {}

    @Override
    public void reloaded() {}
}

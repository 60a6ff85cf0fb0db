package org.gsweather.geoserver;

import org.geoserver.catalog.CatalogValidator;
import org.geoserver.catalog.CoverageStoreInfo;
import org.geoserver.catalog.LayerGroupInfo;
import org.geoserver.catalog.LayerInfo;
import org.geoserver.catalog.NamespaceInfo;
import org.geoserver.catalog.ResourceInfo;
import org.geoserver.catalog.StoreInfo;
import org.geoserver.catalog.StyleInfo;
import org.geoserver.catalog.WorkspaceInfo;
import org.gsweather.store.FileFormat;
import org.gsweather.store.WeatherStore;

/**
 * Refuses a weather store the catalog cannot serve, when it is added or saved through the admin UI or
 * REST: a missing path, a file of the other format, a wrong option. The message is one line, shown by
 * both.
 */
public class WeatherStoreValidator implements CatalogValidator {

    @Override
    public void validate(StoreInfo store, boolean isNew) {
        if (!(store instanceof CoverageStoreInfo cs) || !store.isEnabled()) {
            return;
        }
        FileFormat format = WeatherTypes.of(cs.getType());
        if (format == null || cs.getURL() == null) {
            return;
        }
        WeatherStore.check(WeatherSource.of(cs).settings(format));
    }

    @Override
    public void validate(ResourceInfo resource, boolean isNew) {}

    @Override
    public void validate(WorkspaceInfo workspace, boolean isNew) {}

    @Override
    public void validate(LayerInfo layer, boolean isNew) {}

    @Override
    public void validate(StyleInfo style, boolean isNew) {}

    @Override
    public void validate(LayerGroupInfo group, boolean isNew) {}

    @Override
    public void validate(NamespaceInfo namespace, boolean isNew) {}
}

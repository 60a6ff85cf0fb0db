package org.gsweather.gwc;

import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.geoserver.gwc.web.blob.BlobStoreType;

/** The "Redis BlobStore" entry of GeoServer's blob store type list (Tile Caching > Blobstores > Add new). */
public class RedisBlobStoreType implements BlobStoreType<RedisBlobStoreInfo> {
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "Redis BlobStore";
    }

    @Override
    public RedisBlobStoreInfo newConfigObject() {
        RedisBlobStoreInfo config = new RedisBlobStoreInfo();
        config.setEnabled(true);
        config.setTopology("STANDALONE");
        config.setNodes("localhost:6379");
        config.setKeyPrefix("gwc");
        return config;
    }

    @Override
    public Class<RedisBlobStoreInfo> getConfigClass() {
        return RedisBlobStoreInfo.class;
    }

    @Override
    public Panel createPanel(String id, IModel<RedisBlobStoreInfo> model) {
        return new RedisBlobStorePanel(id, model);
    }
}

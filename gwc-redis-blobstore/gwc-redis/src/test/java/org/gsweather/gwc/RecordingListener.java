package org.gsweather.gwc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.geowebcache.storage.BlobStoreListener;

/** Every event a blob store sends, one line each, in order: what GWC's disk quota and statistics would hear. */
final class RecordingListener implements BlobStoreListener {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    List<String> lines() {
        return List.copyOf(lines);
    }

    void clear() {
        lines.clear();
    }

    @Override
    public void tileStored(
            String layer, String gridSet, String format, String params, long x, long y, int z, long size) {
        lines.add(String.join(" ", "tileStored", layer, gridSet, format, params, "" + x, "" + y, "" + z, "" + size));
    }

    @Override
    public void tileDeleted(
            String layer, String gridSet, String format, String params, long x, long y, int z, long size) {
        lines.add(String.join(" ", "tileDeleted", layer, gridSet, format, params, "" + x, "" + y, "" + z, "" + size));
    }

    @Override
    public void tileUpdated(
            String layer,
            String gridSet,
            String format,
            String params,
            long x,
            long y,
            int z,
            long size,
            long oldSize) {
        lines.add(String.join(
                " ", "tileUpdated", layer, gridSet, format, params, "" + x, "" + y, "" + z, "" + size, "" + oldSize));
    }

    @Override
    public void layerDeleted(String layer) {
        lines.add("layerDeleted " + layer);
    }

    @Override
    public void layerRenamed(String oldName, String newName) {
        lines.add("layerRenamed " + oldName + " " + newName);
    }

    @Override
    public void gridSubsetDeleted(String layer, String gridSetId) {
        lines.add("gridSubsetDeleted " + layer + " " + gridSetId);
    }

    @Override
    public void parametersDeleted(String layer, String parametersId) {
        lines.add("parametersDeleted " + layer + " " + parametersId);
    }
}

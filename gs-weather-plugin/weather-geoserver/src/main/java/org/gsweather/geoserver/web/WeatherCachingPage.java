package org.gsweather.geoserver.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.SubmitLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.PropertyModel;
import org.geoserver.catalog.CoverageInfo;
import org.geoserver.catalog.LayerInfo;
import org.geoserver.gwc.GWC;
import org.geoserver.gwc.layer.GeoServerTileLayer;
import org.geoserver.gwc.layer.GeoServerTileLayerInfo;
import org.geoserver.web.GeoServerSecuredPage;
import org.geowebcache.filter.parameters.ParameterFilter;
import org.geowebcache.layer.TileLayer;
import org.gsweather.geoserver.WeatherDimensionParameterFilter;
import org.gsweather.geoserver.WeatherFormats;
import org.gsweather.store.Dimension;

/**
 * Tile Caching &gt; Weather dimensions: which dimensions each cached weather layer's tiles are keyed by.
 * A tick adds the weather dimension parameter filter of that dimension to the layer's GWC tile layer
 * (its values then come from the layer and show in WMTS capabilities); clearing it removes the filter.
 * GeoServer's own tile layer editor cannot add filter types other than its own.
 */
public class WeatherCachingPage extends GeoServerSecuredPage {
    private static final long serialVersionUID = 1L;

    /** One cached weather layer and the dimensions its tiles are keyed by. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        final String layer;
        boolean time;
        boolean elevation;
        boolean run;

        Row(String layer, GeoServerTileLayerInfo info) {
            this.layer = layer;
            this.time = has(info, Dimension.TIME);
            this.elevation = has(info, Dimension.ELEVATION);
            this.run = has(info, Dimension.REFERENCE_TIME);
        }

        private static boolean has(GeoServerTileLayerInfo info, Dimension d) {
            return info.getParameterFilter(d.parameter()) instanceof WeatherDimensionParameterFilter;
        }

        public boolean isTime() {
            return time;
        }

        public void setTime(boolean time) {
            this.time = time;
        }

        public boolean isElevation() {
            return elevation;
        }

        public void setElevation(boolean elevation) {
            this.elevation = elevation;
        }

        public boolean isRun() {
            return run;
        }

        public void setRun(boolean run) {
            this.run = run;
        }
    }

    public WeatherCachingPage() {
        List<Row> rows = rows();
        Form<Void> form = new Form<>("form");
        add(form);
        form.add(new ListView<>("rows", rows) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Row> item) {
                Row r = item.getModelObject();
                item.add(new Label("layer", r.layer));
                item.add(new CheckBox("time", new PropertyModel<>(r, "time")));
                item.add(new CheckBox("elevation", new PropertyModel<>(r, "elevation")));
                item.add(new CheckBox("run", new PropertyModel<>(r, "run")));
            }
        });
        form.add(new SubmitLink("save") {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSubmit() {
                int changed = apply(rows);
                info(getLocalizer().getString("saved", WeatherCachingPage.this) + " " + changed);
            }
        });
        form.add(new Label("empty", getLocalizer().getString("empty", this)).setVisible(rows.isEmpty()));
    }

    /** The weather layers that have a GWC tile layer. */
    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        GWC gwc = GWC.get();
        for (LayerInfo l : getCatalog().getLayers()) {
            if (!(l.getResource() instanceof CoverageInfo c)
                    || c.getStore() == null
                    || !isWeather(c.getStore().getType())) {
                continue;
            }
            TileLayer t = gwc.hasTileLayer(l) ? gwc.getTileLayer(l) : null;
            if (t instanceof GeoServerTileLayer g) {
                rows.add(new Row(l.prefixedName(), g.getInfo()));
            }
        }
        rows.sort((a, b) -> a.layer.compareTo(b.layer));
        return rows;
    }

    private static boolean isWeather(String type) {
        return WeatherFormats.grib2().getName().equals(type)
                || WeatherFormats.netcdf().getName().equals(type);
    }

    /** Adds and removes filters as ticked; returns the number of tile layers saved. */
    private static int apply(List<Row> rows) {
        GWC gwc = GWC.get();
        int saved = 0;
        for (Row r : rows) {
            GeoServerTileLayer t = (GeoServerTileLayer) gwc.getTileLayerByName(r.layer);
            GeoServerTileLayerInfo info = t.getInfo();
            boolean changed = set(info, Dimension.TIME, r.time, r.layer)
                    | set(info, Dimension.ELEVATION, r.elevation, r.layer)
                    | set(info, Dimension.REFERENCE_TIME, r.run, r.layer);
            if (changed) {
                gwc.save(t);
                saved++;
            }
        }
        return saved;
    }

    private static boolean set(GeoServerTileLayerInfo info, Dimension d, boolean wanted, String layer) {
        ParameterFilter f = info.getParameterFilter(d.parameter());
        boolean has = f instanceof WeatherDimensionParameterFilter;
        if (wanted && !has) {
            if (f != null) {
                info.removeParameterFilter(d.parameter()); // a regex or string filter of that name gives way
            }
            info.addParameterFilter(new WeatherDimensionParameterFilter(d, layer));
            return true;
        }
        if (!wanted && has) {
            info.removeParameterFilter(d.parameter());
            return true;
        }
        return false;
    }
}

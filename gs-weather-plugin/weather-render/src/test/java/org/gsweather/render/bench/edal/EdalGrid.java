package org.gsweather.render.bench.edal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.ac.rdg.resc.edal.dataset.DataReadingStrategy;
import uk.ac.rdg.resc.edal.dataset.GridDataSource;
import uk.ac.rdg.resc.edal.dataset.GriddedDataset;
import uk.ac.rdg.resc.edal.exceptions.EdalException;
import uk.ac.rdg.resc.edal.grid.RegularAxisImpl;
import uk.ac.rdg.resc.edal.grid.RegularGridImpl;
import uk.ac.rdg.resc.edal.metadata.GridVariableMetadata;
import uk.ac.rdg.resc.edal.metadata.Parameter;
import uk.ac.rdg.resc.edal.util.Array4D;
import uk.ac.rdg.resc.edal.util.GISUtils;

/**
 * The GFS 2.5 degree fields as an in-memory EDAL dataset, read the way ncWMS2 reads a gridded file:
 * a {@link GriddedDataset} over a {@link GridDataSource}, longitude 0-357.5 by latitude -90-90 on
 * WGS84. The values are the same decoded floats our renderer draws (rows flipped to south-first).
 */
final class EdalGrid {
    private EdalGrid() {}

    /** @param fields variable id to values in GRIB order (north row first), 144 x 73 */
    static GriddedDataset gfs(Map<String, float[]> fields, String units) throws EdalException {
        int nx = 144;
        int ny = 73;
        RegularGridImpl grid = new RegularGridImpl(
                new RegularAxisImpl("lon", 0, 2.5, nx, true),
                new RegularAxisImpl("lat", -90, 2.5, ny, false),
                GISUtils.defaultGeographicCRS());
        List<GridVariableMetadata> metadata = new ArrayList<>();
        for (String id : fields.keySet()) {
            metadata.add(new GridVariableMetadata(new Parameter(id, id, id, units, null), grid, null, null, true));
        }
        GridDataSource source = new GridDataSource() {
            @Override
            public Array4D<Number> read(
                    String id, int tmin, int tmax, int zmin, int zmax, int ymin, int ymax, int xmin, int xmax) {
                float[] v = fields.get(id);
                return new Array4D<>(1, 1, ymax - ymin + 1, xmax - xmin + 1) {
                    @Override
                    public Number get(int... c) {
                        int j = ny - 1 - (ymin + c[2]);
                        float f = v[j * nx + xmin + c[3]];
                        return Float.isNaN(f) ? null : f;
                    }

                    @Override
                    public void set(Number value, int... coords) {
                        throw new UnsupportedOperationException();
                    }
                };
            }

            @Override
            public void close() {}
        };
        GriddedDataset dataset = new GriddedDataset("gfs", metadata) {
            @Override
            protected DataReadingStrategy getDataReadingStrategy() {
                return DataReadingStrategy.SCANLINE;
            }

            @Override
            protected GridDataSource openDataSource() {
                return source;
            }
        };
        return dataset;
    }
}

package org.gsweather.store;

import java.io.IOException;
import java.util.Map;
import org.gsweather.field.FieldFile;
import org.gsweather.netcdf.NetcdfFile;
import org.gsweather.render.GridValues;

/**
 * GOES-R ABI L1b radiances to what forecasters look at, with the coefficients the file carries (GOES-R
 * PUG vol. 3, 5.1.3.8): brightness temperature {@code (fk2 / ln(fk1 / L + 1) - bc1) / bc2} for the
 * infrared bands, reflectance factor {@code kappa0 * L} for the visible and near-infrared ones.
 */
public enum GoesCalibration {
    /** Brightness temperature in K, for the infrared bands (7 to 16). */
    BT("bt", "BT", "K"),
    /** Reflectance factor, for the visible and near-infrared bands (1 to 6). */
    REFLECTANCE("reflectance", "REFL", "1");

    private final String option;
    private final String prefix;
    private final String units;

    GoesCalibration(String option, String prefix, String units) {
        this.option = option;
        this.prefix = prefix;
        this.units = units;
    }

    /** {@code bt} or {@code reflectance}, as {@code wx render --calibrate} names them. */
    public static GoesCalibration of(String option) {
        for (GoesCalibration c : values()) {
            if (c.option.equals(option)) {
                return c;
            }
        }
        throw new IllegalArgumentException("--calibrate " + option + ": use bt or reflectance");
    }

    /** Coverage name prefix of the calibrated band: {@code BT_C13}, {@code REFL_C02}. */
    String prefix() {
        return prefix;
    }

    public String units() {
        return units;
    }

    /** The calibration a GOES ABI L1b file's bands have, or null for any other file. */
    static GoesCalibration of(NetcdfFile nc) {
        if (!nc.variableNames().contains("Rad")) {
            return null;
        }
        try {
            if (nc.variableNames().contains("planck_fk1") && !Double.isNaN(scalar(nc, "planck_fk1"))) {
                return BT;
            }
            if (nc.variableNames().contains("kappa0") && !Double.isNaN(scalar(nc, "kappa0"))) {
                return REFLECTANCE;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** Radiances of a GOES ABI L1b file calibrated with the file's own coefficients. */
    public GridValues apply(FieldFile file, GridValues radiance) throws IOException {
        return apply(option, file, radiance);
    }

    private static GridValues apply(String kind, FieldFile file, GridValues radiance) throws IOException {
        if (!(file instanceof NetcdfFile nc) || !nc.variableNames().contains("planck_fk1")) {
            throw new IllegalArgumentException(
                    "--calibrate works on GOES ABI L1b radiance files (Rad with planck_* and kappa0 variables)");
        }
        float[] l = radiance.values();
        float[] out = new float[l.length];
        switch (kind) {
            case "bt" -> {
                double fk1 = scalar(nc, "planck_fk1");
                double fk2 = scalar(nc, "planck_fk2");
                double bc1 = scalar(nc, "planck_bc1");
                double bc2 = scalar(nc, "planck_bc2");
                if (Double.isNaN(fk1)) {
                    throw new IllegalArgumentException(
                            "this band has no Planck coefficients (a visible band): use" + " --calibrate reflectance");
                }
                for (int k = 0; k < l.length; k++) {
                    out[k] = l[k] > 0 ? (float) ((fk2 / Math.log(fk1 / l[k] + 1) - bc1) / bc2) : Float.NaN;
                }
                return new GridValues(radiance.grid(), out, "K", "brightness temperature");
            }
            case "reflectance" -> {
                double kappa0 = scalar(nc, "kappa0");
                if (Double.isNaN(kappa0)) {
                    throw new IllegalArgumentException(
                            "this band has no kappa0 (an infrared band): use --calibrate bt");
                }
                for (int k = 0; k < l.length; k++) {
                    out[k] = (float) (kappa0 * l[k]);
                }
                return new GridValues(radiance.grid(), out, "1", "reflectance factor");
            }
            default -> throw new IllegalArgumentException("--calibrate " + kind + ": use bt or reflectance");
        }
    }

    private static double scalar(NetcdfFile nc, String variable) throws IOException {
        float[] v = nc.read(variable, Map.of()).values();
        return v.length == 0 ? Double.NaN : v[0];
    }
}

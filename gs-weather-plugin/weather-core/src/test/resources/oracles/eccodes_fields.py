#!/usr/bin/python3
"""Test oracle: decodes every field of a GRIB2 file with ecCodes (Debian python3-eccodes).

usage: eccodes_fields.py FILE OUTDIR [--latlon [--every K]]

Writes OUTDIR/fields.tsv (one line per field, numbered from 1 as grib_ls counts fields, with
multi-field messages split), OUTDIR/<n>.f32 (values in file order, float32 little-endian, NaN where
missing) and with --latlon OUTDIR/<n>.ll (latitude, longitude pairs, float64 little-endian, of
every K-th point in file order with --every K).
A field ecCodes cannot decode gets an "error" column and no value file.
"""
import os
import sys

import eccodes
import numpy as np

KEYS = ["shortName", "discipline", "parameterCategory", "parameterNumber", "typeOfFirstFixedSurface",
        "level", "dataDate", "dataTime", "validityDate", "validityTime", "stepRange",
        "gridDefinitionTemplateNumber", "dataRepresentationTemplateNumber", "numberOfDataPoints",
        "bitmapPresent", "productDefinitionTemplateNumber", "typeOfStatisticalProcessing", "startStep",
        "endStep", "stepUnits", "perturbationNumber", "numberOfForecastsInEnsemble", "derivedForecast",
        "probabilityType", "lowerLimit", "upperLimit", "scaledValueOfFirstFixedSurface",
        "scaleFactorOfFirstFixedSurface"]
MISSING = 9.999e20
# Keys read as numbers rather than as ecCodes' abbreviations (e.g. typeOfFirstFixedSurface 100, not "pl").
NUMERIC = {"typeOfFirstFixedSurface", "typeOfStatisticalProcessing", "stepUnits", "probabilityType",
           "derivedForecast", "startStep", "endStep"}


def main():
    path, out = sys.argv[1], sys.argv[2]
    latlon = "--latlon" in sys.argv
    every = int(sys.argv[sys.argv.index("--every") + 1]) if "--every" in sys.argv else 1
    os.makedirs(out, exist_ok=True)
    eccodes.codes_grib_multi_support_on()
    rows = []
    with open(path, "rb") as f:
        n = 0
        while True:
            h = eccodes.codes_grib_new_from_file(f)
            if h is None:
                break
            n += 1
            row = [str(n)]
            for k in KEYS:
                try:
                    if k in NUMERIC:
                        row.append(str(eccodes.codes_get_long(h, k)))
                    elif k in ("lowerLimit", "upperLimit"):
                        row.append(repr(eccodes.codes_get_double(h, k)))
                    else:
                        row.append(str(eccodes.codes_get(h, k)))
                except Exception:
                    row.append("")
            try:
                eccodes.codes_set(h, "missingValue", MISSING)
                values = eccodes.codes_get_values(h)
                values = np.where(values == MISSING, np.nan, values).astype("<f4")
                values.tofile(os.path.join(out, "%d.f32" % n))
                if latlon:
                    lats = eccodes.codes_get_array(h, "latitudes")
                    lons = eccodes.codes_get_array(h, "longitudes")
                    pairs = np.column_stack([lats, lons])[::every]
                    pairs.astype("<f8").tofile(os.path.join(out, "%d.ll" % n))
                row.append("")
            except Exception as e:
                row.append(("error: " + str(e)).replace("\t", " "))
            eccodes.codes_release(h)
            rows.append(row)
    with open(os.path.join(out, "fields.tsv"), "w") as t:
        t.write("\t".join(["n"] + KEYS + ["error"]) + "\n")
        for r in rows:
            t.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()

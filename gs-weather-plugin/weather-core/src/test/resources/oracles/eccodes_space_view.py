#!/usr/bin/python3
"""Test oracle: writes GRIB2 messages on grid template 3.90 (space view) with ecCodes, since none of
the test files has one.

usage: eccodes_space_view.py OUTDIR

Writes OUTDIR/<name>.grib2 for each case below; the test reads ecCodes' own latitudes and longitudes
of their points through eccodes_fields.py.
"""
import os
import sys

import eccodes
import numpy as np

# Earth shapes: 3 = oblate spheroid given in km (as EUMETSAT writes MSG), 6 = sphere of 6371229 m.
WGS84_KM = dict(shapeOfTheEarth=3, scaleFactorOfEarthMajorAxis=3, scaledValueOfEarthMajorAxis=6378137,
                scaleFactorOfEarthMinorAxis=4, scaledValueOfEarthMinorAxis=63567523)
MSG_KM = dict(shapeOfTheEarth=3, scaleFactorOfEarthMajorAxis=3, scaledValueOfEarthMajorAxis=6378140,
              scaleFactorOfEarthMinorAxis=4, scaledValueOfEarthMinorAxis=63567550)
SPHERE = dict(shapeOfTheEarth=6)

# The Earth's apparent diameter spans dx = 363 grid lengths so that no point sits exactly on the limb
# (a ray tangent to the Earth, where ecCodes and we may round either way).
# name: (sub-satellite longitude, Nx, Ny, dx, dy, Xp, Yp, Xo, Yo, scanning mode, Nr (altitude in
# Earth radii times 1e6), earth)
CASES = {
    "msg_disk": (0.0, 372, 372, 363, 363, 186000, 186000, 0, 0, 0, 6610839, MSG_KM),
    "msg_disk_scan192": (9.5, 372, 372, 363, 363, 186000, 186000, 0, 0, 192, 6610839, MSG_KM),
    "goes_east_sector": (-75.2, 200, 120, 364, 364, 186000, 186000, 100, 40, 0, 6610689, WGS84_KM),
    "himawari_sphere_scan64": (140.7, 150, 90, 546, 546, 273000, 273000, 300, 350, 64, 6610839, SPHERE),
}


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, (lon, nx, ny, dx, dy, xp, yp, xo, yo, scan, nr, earth) in CASES.items():
        with open("/usr/share/eccodes/samples/GRIB2.tmpl", "rb") as f:
            h = eccodes.codes_grib_new_from_file(f)
        eccodes.codes_set(h, "gridType", "space_view")
        for k, v in earth.items():
            eccodes.codes_set(h, k, v)
        keys = dict(Nx=nx, Ny=ny, longitudeOfSubSatellitePointInDegrees=lon, dx=dx, dy=dy, Xp=xp, Yp=yp,
                    Xo=xo, Yo=yo, Nr=nr, scanningMode=scan)
        for k, v in keys.items():
            eccodes.codes_set(h, k, v)
        eccodes.codes_set_values(h, np.arange(nx * ny, dtype=float) % 97)
        with open(os.path.join(out, name + ".grib2"), "wb") as o:
            eccodes.codes_write(h, o)
        eccodes.codes_release(h)


main()

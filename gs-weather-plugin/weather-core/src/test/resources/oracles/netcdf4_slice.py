#!/usr/bin/python3
"""Test oracle: reads a slice of a NetCDF variable with netCDF4-python (Debian python3-netcdf4).

usage: netcdf4_slice.py FILE VARIABLE OUT [DIM=INDEX ...]

Writes OUT: the physical values (scale_factor/add_offset applied, _FillValue, missing_value and
valid range masked, _Unsigned honoured, as netCDF4-python does by default) of VARIABLE with each
named dimension fixed at INDEX and the others whole, in stored index order, float32 little-endian,
NaN where masked. Prints the shape of the slice.
"""
import sys

import netCDF4
import numpy as np


def main():
    path, name, out = sys.argv[1], sys.argv[2], sys.argv[3]
    fixed = dict(a.split("=") for a in sys.argv[4:])
    with netCDF4.Dataset(path) as ds:
        v = ds[name]
        key = tuple(int(fixed[d]) if d in fixed else slice(None) for d in v.dimensions)
        data = v[key]
        values = np.ma.filled(np.ma.masked_invalid(np.ma.asarray(data, dtype="f8")), np.nan).astype("<f4")
        values.tofile(out)
        print(" ".join(str(s) for s in values.shape))


if __name__ == "__main__":
    main()

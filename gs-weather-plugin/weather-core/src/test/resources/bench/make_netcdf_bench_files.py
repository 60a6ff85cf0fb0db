#!/usr/bin/python3
"""Makes the NetCDF benchmark files that the test data lack (Debian python3-netcdf4, numpy).

usage: make_netcdf_bench_files.py GOES_CONUS_2KM_FILE OUTDIR

OUTDIR/goes-conus-1km.nc: a 1 km CONUS band (5000x3000, as ABI bands 1, 3, 5), made from the real
  2 km band 4 CONUS radiances: each code repeated 2x2 plus one code of deterministic noise so that it
  does not compress better than real data; the real file's attributes, fixed grid coordinates at
  28 microradians, chunks 250x250, deflate level 1 (as the real file); Rad without shuffle and
  RadShuffled with the HDF5 shuffle filter.
OUTDIR/cf-1deg-100.nc (NetCDF-4, one deflated chunk per step) and cf-1deg-100-nc3.nc (64-bit
  offset): air temperature on a 1-degree global grid (360x181) with 100 time steps.
"""
import os
import sys

import netCDF4
import numpy as np


def goes(src, out):
    with netCDF4.Dataset(src) as s, netCDF4.Dataset(out, "w", format="NETCDF4") as d:
        s.set_auto_maskandscale(False)
        rad = s["Rad"][:].astype(np.uint16)
        big = np.repeat(np.repeat(rad, 2, axis=0), 2, axis=1)
        rng = np.random.default_rng(4)
        noise = rng.integers(0, 2, size=big.shape, dtype=np.uint16)
        big = np.where(big < 2047, np.minimum(big + noise, 2046), big).astype(np.uint16).view(np.int16)
        d.createDimension("y", big.shape[0])
        d.createDimension("x", big.shape[1])
        p = d.createVariable("goes_imager_projection", "i4")
        p.setncatts({k: s["goes_imager_projection"].getncattr(k) for k in s["goes_imager_projection"].ncattrs()})
        for name, n, attr in (("y", big.shape[0], s["y"]), ("x", big.shape[1], s["x"])):
            v = d.createVariable(name, "i2", (name,))
            v.setncatts({k: attr.getncattr(k) for k in attr.ncattrs()})
            v.scale_factor = np.float32(attr.scale_factor / 2)
            v[:] = np.arange(n, dtype=np.int16)
        t = d.createVariable("t", "f8")
        t.setncatts({k: s["t"].getncattr(k) for k in s["t"].ncattrs() if k != "bounds"})
        t[...] = s["t"][...]
        for name, shuffle in (("Rad", False), ("RadShuffled", True)):
            v = d.createVariable(name, "i2", ("y", "x"), zlib=True, complevel=1, shuffle=shuffle,
                                 chunksizes=(250, 250), fill_value=np.int16(2047))
            for k in s["Rad"].ncattrs():
                if k != "_FillValue":
                    v.setncattr(k, s["Rad"].getncattr(k))
            v[:] = big


def cf(out, fmt):
    with netCDF4.Dataset(out, "w", format=fmt) as d:
        d.createDimension("time", None)
        d.createDimension("lat", 181)
        d.createDimension("lon", 360)
        t = d.createVariable("time", "f8", ("time",))
        t.units = "hours since 2024-01-01 00:00:00"
        t.calendar = "standard"
        t.standard_name = "time"
        lat = d.createVariable("lat", "f4", ("lat",))
        lat.units = "degrees_north"
        lon = d.createVariable("lon", "f4", ("lon",))
        lon.units = "degrees_east"
        kw = dict(zlib=True, complevel=1, chunksizes=(1, 181, 360)) if fmt == "NETCDF4" else {}
        air = d.createVariable("air", "f4", ("time", "lat", "lon"), fill_value=np.float32(-9999), **kw)
        air.units = "K"
        air.standard_name = "air_temperature"
        lat[:] = np.arange(90, -91, -1, dtype=np.float32)
        lon[:] = np.arange(0, 360, dtype=np.float32)
        t[:] = np.arange(100) * 6.0
        y = np.cos(np.radians(lat[:]))[:, None]
        for k in range(100):
            air[k] = (250 + 40 * y + 5 * np.sin(np.radians(lon[:] + 3.6 * k))[None, :]).astype(np.float32)


def main():
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    goes(src, os.path.join(out, "goes-conus-1km.nc"))
    cf(os.path.join(out, "cf-1deg-100.nc"), "NETCDF4")
    cf(os.path.join(out, "cf-1deg-100-nc3.nc"), "NETCDF3_64BIT_OFFSET")


if __name__ == "__main__":
    main()

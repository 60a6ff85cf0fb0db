#!/usr/bin/env python3
"""Benchmark data: the same fields for both servers.

Usage: prepare.py TESTDATA_DIR WORK_DIR [HOURS]

WORK_DIR/weather/hrrr  HRRR surface temperature (CONUS, 3 km), one file per forecast hour: the test
                       file's field moved to run 2026-06-01 06Z, hours 1..HOURS, with ecCodes' grib_set
WORK_DIR/weather/nam   NAM 10 m wind (u, v; the 81 km Lambert grid 211 of the test file), the same hours
WORK_DIR/geotiff/t2m   the same fields as GeoTIFF (gdal_translate: float32, tiled, overviews by gdaladdo), one per
                       hour, for stock GeoServer's ImageMosaic
WORK_DIR/geotiff/wind10  u and v as a two-band GeoTIFF per hour

Every hour shows the same values (the test data holds one hour of each): rendering and caching cost the same as for
distinct fields, and both servers get exactly the same fields.
"""
import os, shutil, subprocess, sys

TESTDATA, WORK = sys.argv[1:3]
HOURS = int(sys.argv[3]) if len(sys.argv) > 3 else 6
RUN_DATE, RUN_TIME = "20260601", "0600"


def run(*cmd):
    subprocess.run(cmd, check=True)


def moved(src, out, hour):
    """src with run RUN_DATE RUN_TIME and forecast hour `hour`."""
    tmp = out + ".tmp"
    run("grib_set", "-s", f"dataDate={RUN_DATE},dataTime={RUN_TIME}", src, tmp)
    run("grib_set", "-w", "productDefinitionTemplateNumber=0", "-s",
        f"indicatorOfUnitOfTimeRange=1,forecastTime={hour}", tmp, out)
    os.remove(tmp)


def geotiff(grib, tif):
    """A GeoTIFF as a GeoServer administrator would publish it: float32, tiled, with internal overviews."""
    run("gdal_translate", "-q", "--config", "GRIB_NORMALIZE_UNITS", "NO", "-ot", "Float32",
        "-co", "TILED=YES", "-co", "BLOCKXSIZE=256", "-co", "BLOCKYSIZE=256", grib, tif)
    run("gdaladdo", "-q", "-r", "average", tif, "2", "4", "8", "16")


def stamp(hour):
    return f"{RUN_DATE}T{6 + hour:02d}0000"


def main():
    weather = os.path.join(WORK, "weather")
    tiff = os.path.join(WORK, "geotiff")
    for d in (weather, tiff):
        shutil.rmtree(d, ignore_errors=True)
    for d in ("hrrr", "nam"):
        os.makedirs(os.path.join(weather, d))
    for d in ("t2m", "wind10"):
        os.makedirs(os.path.join(tiff, d))
    hrrr = os.path.join(TESTDATA, "grib2", "noaa", "hrrr.t06z.wrfsfcf01-TMP.grib2")
    nam_all = os.path.join(TESTDATA, "grib2", "noaa", "fh.0012_tl.press_gr.awp211.grb2")
    nam_wind = os.path.join(WORK, "nam-10m-wind.grib2")
    run("grib_copy", "-w", "shortName=10u/10v,typeOfLevel=heightAboveGround,level=10", nam_all, nam_wind)
    for h in range(1, HOURS + 1):
        t = os.path.join(weather, "hrrr", f"hrrr.t06z.wrfsfcf{h:02d}.grib2")
        moved(hrrr, t, h)
        w = os.path.join(weather, "nam", f"nam.t06z.wind10.f{h:02d}.grib2")
        moved(nam_wind, w, h)
        geotiff(t, os.path.join(tiff, "t2m", f"t2m_{stamp(h)}.tif"))
        geotiff(w, os.path.join(tiff, "wind10", f"wind10_{stamp(h)}.tif"))
    os.remove(nam_wind)
    old = "2000-01-01 00:00"  # settled: the stores serve files unchanged for a poll interval
    for root, _, files in os.walk(weather):
        for f in files:
            run("touch", "-d", old, os.path.join(root, f))
    print(f"{HOURS} hours of HRRR surface temperature and NAM 10 m wind in {weather}, as GeoTIFF in {tiff}")


if __name__ == "__main__":
    main()

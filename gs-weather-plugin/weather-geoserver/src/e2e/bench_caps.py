#!/usr/bin/env python3
"""WMS 1.3.0 GetCapabilities time with 50 weather layers of 100 times each, through a running GeoServer.

Usage: bench_caps.py GEOSERVER_URL WORK_DIR REPO_ROOT

Makes 100 forecast hours of the NAM AWIPS 211 test file with ecCodes' grib_set (a directory of 100 files),
a store on it, 50 of its coverages as layers with TIME enabled, then times 20 GetCapabilities.
"""
import os, re, statistics, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_weather as base  # noqa: E402

GS, WORK, ROOT = sys.argv[1:4]
base.GS = GS


def main():
    d = os.path.join(os.path.abspath(WORK), "nam100")
    os.makedirs(d, exist_ok=True)
    src = os.path.join(ROOT, "..", "shared", "testdata", "grib2", "noaa", "fh.0012_tl.press_gr.awp211.grb2")
    for h in range(100):
        out = os.path.join(d, f"nam.t00z.f{h:03d}.grib2")
        if not os.path.exists(out):
            subprocess.run(["grib_set", "-w", "productDefinitionTemplateNumber=0", "-s",
                            f"dataDate=20260601,dataTime=0000,indicatorOfUnitOfTimeRange=1,forecastTime={h}", src, out],
                           check=True)
            os.utime(out, (time.time() - 600, time.time() - 600))
    base.http("POST", "/rest/workspaces", "<workspace><name>wx</name></workspace>")
    base.store("nam100", "Weather GRIB2", "file:" + d)
    s, b, _ = base.http("GET", "/rest/workspaces/wx/coveragestores/nam100/coverages.xml?list=all")
    names = [n for n in re.findall(r"<coverageName>([^<]+)</coverageName>", b.decode()) if "_acc" not in n][:50]
    for n in names:
        base.publish("nam100", n, "N100_" + n)
        base.dimensions("nam100", "N100_" + n, time=True, elevation=True, run=True)
    caps = base.caps("1.3.0")
    dims = base.layer_dimensions(caps, "wx:N100_" + names[0])
    times = []
    for _ in range(20):
        t0 = time.perf_counter()
        s, b, _ = base.http("GET", "/wms?service=WMS&version=1.3.0&request=GetCapabilities", auth=False)
        times.append((time.perf_counter() - t0) * 1000)
    n_layers = b.count(b"<Name>wx:N100_")
    print(f"{n_layers} layers with {len(dims.get('time', []))} times, {len(dims.get('elevation', []))} levels: "
          f"WMS 1.3.0 GetCapabilities median {statistics.median(times):.0f} ms, min {min(times):.0f} ms, "
          f"{len(b) / 1e6:.1f} MB; load {open('/proc/loadavg').read().split()[:3]}")


if __name__ == "__main__":
    main()

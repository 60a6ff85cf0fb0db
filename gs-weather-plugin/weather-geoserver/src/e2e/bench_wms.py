#!/usr/bin/env python3
"""WMS GetMap speed through the running GeoServer: our stores and wx: transformations against stock
GeoServer on the same field converted to GeoTIFF (gdal_translate), in one run, with wrk.

Usage: bench_wms.py GEOSERVER_URL WEATHER_DIR REPO_ROOT [SECONDS]

Needs the layers and styles e2e_weather.py and e2e_wx.py create (bin/bench-wms runs them first).
Prints a markdown table: p50/p99 of one client and requests/s of 16 clients per case, the machine's load.
"""
import os, re, subprocess, sys, time, urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_weather as base  # noqa: E402

GS, WEATHER, ROOT = sys.argv[1:4]
SECONDS = int(sys.argv[4]) if len(sys.argv) > 4 else 10
base.GS = GS
sys.path.insert(0, os.path.join(ROOT, "styles"))
import generate  # noqa: E402

# a 256 px WebMercatorQuad tile over the central US (z5, x7, y12) and a 1024 px box of 4x4 tiles at z7
TILE = "-10018754.171394622,3757032.814272985,-8766409.899970295,5009377.085697312"


def style(name, layers):
    sld = generate.sld(name, name, "benchmark style", layers)
    s, b, _ = base.http("POST", f"/rest/workspaces/wx/styles?name={name}", sld, "application/vnd.ogc.sld+xml")
    if s == 403:
        base.http("PUT", f"/rest/workspaces/wx/styles/{name}", sld, "application/vnd.ogc.sld+xml")


CONTOUR = """<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
  xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <NamedLayer><Name>bench_contour</Name><UserStyle><Title>ras:Contour every 2 K</Title><FeatureTypeStyle>
  <Transformation><ogc:Function name="ras:Contour">
   <ogc:Function name="parameter"><ogc:Literal>data</ogc:Literal></ogc:Function>
   <ogc:Function name="parameter"><ogc:Literal>levels</ogc:Literal>""" + "".join(
    f"<ogc:Literal>{v}</ogc:Literal>" for v in range(230, 320, 2)) + """</ogc:Function>
  </ogc:Function></Transformation>
  <Rule><LineSymbolizer><Stroke><CssParameter name="stroke">#202020</CssParameter>
   <CssParameter name="stroke-width">1.2</CssParameter></Stroke></LineSymbolizer>
   <TextSymbolizer><Label><ogc:PropertyName>value</ogc:PropertyName></Label>
    <Font><CssParameter name="font-size">10</CssParameter></Font>
    <LabelPlacement><LinePlacement/></LabelPlacement><Halo><Radius>1.5</Radius></Halo></TextSymbolizer>
  </Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>"""


def url(layer, style_name, bbox=TILE, size=256, extra=""):
    return (f"{GS}/wms?service=WMS&version=1.1.1&request=GetMap&layers={layer}&styles={style_name}&bbox={bbox}"
            f"&width={size}&height={size}&srs=EPSG:3857&format=image/png&transparent=true{extra}")


def wrk(u, connections, seconds):
    threads = min(2, connections)
    r = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", u],
                       capture_output=True, text=True)
    out = r.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = dict(re.findall(r"\s+(50|99)%\s+([\d.]+\w+)", out))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)

    def ms(v):
        n = float(re.match(r"[\d.]+", v).group(0))
        return n / 1000 if v.endswith("us") else n * 1000 if v.endswith("s") and not v.endswith("ms") else n
    return ms(lat["50"]), ms(lat["99"]), rate, int(errors.group(1)) if errors else 0


def metatile_misses():
    """Times the first GetTile of distinct metatiles (each renders 1024 px plus gutter and stores 16 tiles)."""
    base.publish("hrrr", "TMP_SFC", "BENCH_TMP")
    base.http("PUT", "/rest/layers/wx:BENCH_TMP", "<layer><defaultStyle><name>wx:bench_ramp</name>"
              "<workspace>wx</workspace></defaultStyle></layer>")
    gl = ("<GeoServerLayer><enabled>true</enabled><name>wx:BENCH_TMP</name><mimeFormats><string>image/png</string>"
          "</mimeFormats><gridSubsets><gridSubset><gridSetName>EPSG:900913</gridSetName></gridSubset></gridSubsets>"
          "<metaWidthHeight><int>4</int><int>4</int></metaWidthHeight><gutter>16</gutter></GeoServerLayer>")
    base.http("PUT", "/gwc/rest/layers/wx:BENCH_TMP.xml", gl)
    times = []
    for _ in range(2):  # twice the same 8 metatiles, truncated in between
        base.http("POST", "/gwc/rest/masstruncate",
                  "<truncateLayer><layerName>wx:BENCH_TMP</layerName></truncateLayer>")
        for row in range(20, 28, 4):  # z6 over CONUS: metatiles of 4x4 tiles
            for col in range(8, 24, 4):
                q = (f"/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=wx:BENCH_TMP&STYLE="
                     f"&TILEMATRIXSET=EPSG:900913&TILEMATRIX=EPSG:900913:6&TILEROW={row}&TILECOL={col}"
                     "&FORMAT=image/png")
                time.sleep(1)  # the prefetch of the next times (WX_PREFETCH_TIMES) that the last miss queued ends
                t0 = time.perf_counter()
                s, b, _ = base.http("GET", q, auth=False)
                times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return (f"{len(times)} misses, median {times[len(times) // 2]:.0f} ms, fastest {times[0]:.0f} ms "
            f"({times[len(times) // 2] / 16:.1f} ms per tile)")


def main():
    style("bench_ramp", [("ColorRamp", {"palette": "temperature", "units": "degF", "min": "-40", "max": "110"})])
    style("bench_isolines", [("Isolines", {"interval": "2", "units": "K", "base": "230"})])
    s, b, _ = base.http("POST", "/rest/workspaces/wx/styles?name=bench_contour", CONTOUR, "application/vnd.ogc.sld+xml")
    cases = [
        ("stock GeoServer: GeoTIFF + SLD ColorMap", url("wx:HRRR_TMP_GEOTIFF", "e2e_colormap")),
        ("weather store + SLD ColorMap (our reader, GeoServer's rendering)", url("wx:TMP_SFC", "e2e_colormap")),
        ("weather store + wx:ColorRamp", url("wx:TMP_SFC", "bench_ramp")),
        ("stock GeoServer: GeoTIFF + ras:Contour (every 2 K, labels)", url("wx:HRRR_TMP_GEOTIFF", "bench_contour")),
        ("weather store + wx:Isolines (every 2 K, labels)", url("wx:TMP_SFC", "bench_isolines")),
        ("weather store + wx:WindBarbs (GFS 10 m)", url("wx:WX_GFS_WIND10", "wx-wind-barbs", extra="&ELEVATION=10")),
        ("weather store + wx:ColorRamp + wx:WindArrows (NAM 10 m)", url("wx:WX_NAM_WIND10", "wx-wind-speed-arrows", extra="&ELEVATION=10")),
        ("weather store + temperature, isotherms (wx-temperature-degF)", url("wx:TMP_SFC", "wx-temperature-degF")),
    ]
    for _, u in cases:  # warm up: decode, JIT, GeoServer caches
        wrk(u, 1, 3)
    print(f"# {time.strftime('%Y-%m-%d %H:%M')} UTC, GeoServer 2.26.2, 256 px EPSG:3857 GetMap of HRRR 2 m temperature"
          f" (z5 tile over the central US), {SECONDS} s per run; load {open('/proc/loadavg').read().split()[:3]}\n")
    print("| case | 1 client p50 ms | 1 client p99 ms | 16 clients req/s | errors |")
    print("|---|---|---|---|---|")
    results = {}
    for name, u in cases:
        p50, p99, _, e1 = wrk(u, 1, SECONDS)
        _, _, rate, e16 = wrk(u, 16, SECONDS)
        results[name] = (p50, rate)
        print(f"| {name} | {p50:.1f} | {p99:.1f} | {rate:.0f} | {e1 + e16} |", flush=True)
    print(f"\nGWC metatile misses (4x4 metatiles of 256 px tiles, WMTS GetTile, wx:ColorRamp): {metatile_misses()}")
    stock = results[cases[0][0]][1]
    ramp = results[cases[2][0]][1]
    contour = results[cases[3][0]][1]
    iso = results[cases[4][0]][1]
    print(f"\nramp throughput vs stock GeoTIFF + ColorMap: {ramp / stock:.1f}x; "
          f"isolines vs ras:Contour: {iso / contour:.1f}x; load now {open('/proc/loadavg').read().split()[:3]}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""End-to-end checks of the Weather GRIB2 / Weather NetCDF stores in a running GeoServer 2.26.

Usage: e2e_weather.py GEOSERVER_URL WEATHER_DIR REPO_ROOT LOG_FILE

Everything goes through GeoServer's public interfaces as a user's scripts would: REST to create
stores, layers and dimensions, WMS 1.1.1/1.3.0 and WMTS requests, GWC REST; reference values come
from bin/wx (inspect, render, locate) on the same files. Prints one line per check: 'ok' or 'FAIL'.
"""
import json, os, re, shutil, subprocess, sys, tempfile, time, urllib.parse
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e_common import check, failures, request, rgba  # noqa: E402

GS, WEATHER, ROOT, LOG = (sys.argv + [None] * 5)[1:5] if __name__ == "__main__" else (None, None, None, None)
WX = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "bin", "wx")
TMP = tempfile.mkdtemp(prefix="e2e-weather-")


def http(method, path, body=None, ctype="text/xml", auth=True):
    """(status, body, Content-Type)."""
    s, b, h = request(GS, method, path, body, ctype, auth)
    return s, b, h.get("Content-Type", "")


def wx(*args):
    return subprocess.run([WX, *args], check=True, capture_output=True, text=True).stdout


def inspect(path):
    return json.loads(wx("inspect", path, "--json"))


def store(name, type_, url):
    body = (f"<coverageStore><name>{name}</name><type>{type_}</type><enabled>true</enabled>"
            f"<workspace>wx</workspace><url>{url}</url></coverageStore>")
    return http("POST", "/rest/workspaces/wx/coveragestores", body)


def publish(store_name, coverage, layer=None):
    layer = layer or coverage
    body = f"<coverage><name>{layer}</name><nativeCoverageName>{coverage}</nativeCoverageName></coverage>"
    return http("POST", f"/rest/workspaces/wx/coveragestores/{store_name}/coverages", body)


def dimensions(store_name, layer, time=True, elevation=False, run=False):
    entries = ""
    if time:
        entries += ('<entry key="time"><dimensionInfo><enabled>true</enabled><presentation>LIST</presentation>'
                    '<units>ISO8601</units><defaultValue><strategy>MAXIMUM</strategy></defaultValue></dimensionInfo></entry>')
    if elevation:
        entries += ('<entry key="elevation"><dimensionInfo><enabled>true</enabled><presentation>LIST</presentation>'
                    '<units>hPa</units><unitSymbol>hPa</unitSymbol></dimensionInfo></entry>')
    if run:
        entries += ('<entry key="custom_dimension_REFERENCE_TIME"><dimensionInfo><enabled>true</enabled>'
                    '<presentation>LIST</presentation><units>ISO8601</units>'
                    '<defaultValue><strategy>MAXIMUM</strategy></defaultValue></dimensionInfo></entry>')
    return http("PUT", f"/rest/workspaces/wx/coveragestores/{store_name}/coverages/{layer}",
                f"<coverage><metadata>{entries}</metadata></coverage>")


def caps(version="1.3.0"):
    s, b, _ = http("GET", f"/wms?service=WMS&version={version}&request=GetCapabilities", auth=False)
    return ET.fromstring(b)


def layer_dimensions(root, name):
    out = {}
    for l in root.iter():
        if not l.tag.endswith("Layer"):
            continue
        n = next((c for c in l if c.tag.endswith("Name")), None)
        if n is None or n.text != name:
            continue
        for c in l:
            if c.tag.endswith("Dimension") or c.tag.endswith("Extent"):
                if c.text:
                    out[c.attrib["name"].lower()] = [v.strip() for v in c.text.split(",")]
    return out


def iso(t):
    return datetime.fromisoformat(t.replace("Z", "+00:00")).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def getmap(layer, bbox, size, crs, version="1.1.1", style="", extra="", transparent=True, fmt="image/png"):
    crs_key = "crs" if version == "1.3.0" else "srs"
    q = (f"/wms?service=WMS&version={version}&request=GetMap&layers={layer}&styles={style}&bbox={bbox}"
         f"&width={size[0]}&height={size[1]}&{crs_key}={crs}&format={fmt}"
         f"&transparent={str(transparent).lower()}{extra}")
    s, b, ct = http("GET", q, auth=False)
    return s, b, ct


def agreement(a, b):
    """Share of pixels whose colour (alpha 0 = nothing) appears in the 3x3 neighbourhood of the other image."""
    def key(img):
        k = img.astype(np.int64)
        k = (k[..., 0] << 24) | (k[..., 1] << 16) | (k[..., 2] << 8) | k[..., 3]
        return np.where(img[..., 3] == 0, -1, k)
    ka, kb = key(a), key(b)
    h, w = ka.shape
    pad = np.pad(kb, 1, constant_values=-2)
    match = np.zeros_like(ka, dtype=bool)
    for dy in (0, 1, 2):
        for dx in (0, 1, 2):
            match |= pad[dy:dy + h, dx:dx + w] == ka
    return match.mean(), (ka == kb).mean()


def same_as_wx_render(what, layer, file, field, bbox, size, crs, version, sld, extra, wx_bbox=None):
    s, png, ct = getmap(layer, bbox, size, crs, version, "e2e_colormap", extra)
    if s != 200 or "image/png" not in ct:
        check(False, what, f"GetMap {s} {ct} {png[:300]!r}")
        return
    out = os.path.join(TMP, "wx.png")
    wx("render", file, "--field", str(field), "--style", f"ramp:palette={sld}", "--bbox", wx_bbox or bbox,
       "--size", f"{size[0]}x{size[1]}", "--crs", crs, "--out", out)
    ours = rgba(png)
    with open(out, "rb") as f:
        ref = rgba(f.read())
    near, exact = agreement(ours, ref)
    coloured = (ours[..., 3] > 0).mean()
    check(near >= 0.995 and coloured > 0.2, what,
          f"{near:.4f} of pixels match wx render within 1 px ({exact:.4f} exactly), {coloured:.2f} coloured")


# ---------------------------------------------------------------------------------------------------
def main():
    http("POST", "/rest/workspaces", "<workspace><name>wx</name></workspace>")
    nam = os.path.join(WEATHER, "nam")
    nam_files = sorted(os.listdir(nam))

    # 1. stores: refused with one line when the path is missing or the file of the other format
    s, b, _ = store("missing", "Weather GRIB2", "file:" + os.path.join(WEATHER, "no-such-dir"))
    msg = b.decode(errors="replace")
    check(s >= 400 and "does not exist" in msg and "\n" not in msg.strip(), "REST refuses a store on a missing path",
          f"HTTP {s}: {msg.strip()[:200]}")
    s, b, _ = store("wrongformat", "Weather GRIB2", "file:" + os.path.join(WEATHER, "cf", "air.nc"))
    msg = b.decode(errors="replace")
    check(s >= 400 and "is a NetCDF file: create a Weather NetCDF store" in msg, "REST refuses a NetCDF file in a GRIB2 store",
          f"HTTP {s}: {msg.strip()[:200]}")
    s, b, _ = store("badoption", "Weather GRIB2", "file:" + nam + "?keepruns=2")
    msg = b.decode(errors="replace")
    check(s >= 400 and "unknown store option 'keepruns'" in msg, "REST refuses a misspelt store option", msg.strip()[:200])

    stores = {
        "nam": ("Weather GRIB2", "file:" + nam),
        "hrrr": ("Weather GRIB2", "file:" + os.path.join(WEATHER, "hrrr")),
        "gfs": ("Weather GRIB2", "file:" + os.path.join(WEATHER, "gfs", "gfs.t12z.pgrbf120.2p5deg.grib2")),
        "mrms": ("Weather GRIB2", "file:" + os.path.join(WEATHER, "mrms")),
        "cmc": ("Weather GRIB2", "file:" + os.path.join(WEATHER, "cmc")),
        "polar": ("Weather GRIB2", "file:" + os.path.join(WEATHER, "polar", "safrica.grib2")),
        "goes": ("Weather NetCDF", "file:" + os.path.join(WEATHER, "goes")),
        "cf": ("Weather NetCDF", "file:" + os.path.join(WEATHER, "cf") + "?pattern=*.nc"),
        "namlatest": ("Weather GRIB2", "file:" + nam + "?keepRuns=1"),
    }
    for name, (type_, url) in stores.items():
        s, b, _ = store(name, type_, url)
        check(s == 201, f"store {name} ({type_}) created through REST", f"HTTP {s} {b[:200]!r}" if s != 201 else url)

    # 2. layers: names as wgrib2/GDAL users know them
    s, b, _ = http("GET", "/rest/workspaces/wx/coveragestores/nam/coverages.xml?list=all")
    names = re.findall(r"<coverageName>([^<]+)</coverageName>", b.decode())
    check({"TMP_ISBL", "HGT_ISBL", "PRMSL_MSL", "WIND_ISBL", "WIND_HTGL", "APCP_SFC_acc"} <= set(names),
          "NAM store lists coverages by parameter and level type, winds as WIND_*", f"{len(names)} coverages")
    layers = [("nam", "TMP_ISBL", None), ("nam", "TMP_ISBL", "TMP_ISBL_best"), ("nam", "WIND_HTGL", None),
              ("nam", "PRMSL_MSL", None), ("namlatest", "TMP_ISBL", "TMP_ISBL_latest"), ("hrrr", "TMP_SFC", None),
              ("hrrr", "UGRD_HTGL", None), ("gfs", "TMP_ISBL", "GFS_TMP_ISBL"), ("gfs", "WIND_ISBL", "GFS_WIND_ISBL"),
              ("mrms", "ReflectivityAtLowestAltitude_GPML", "MRMS_REFL"), ("polar", "BRTMP_CTL", "SAFRICA_BRTMP_CTL"),
              ("goes", "Rad_C13", None), ("goes", "Rad_C04", None), ("cf", "air", None), ("cf", "WIND_uwnd_vwnd", None)]
    s, b, _ = http("GET", "/rest/workspaces/wx/coveragestores/cmc/coverages.xml?list=all")
    cmc = re.findall(r"<coverageName>([^<]+)</coverageName>", b.decode())
    for c in cmc:
        layers.append(("cmc", c, "CMC_" + c))
    for st, cov, layer in layers:
        s, b, _ = publish(st, cov, layer)
        check(s == 201, f"layer {layer or cov} published from {st}", "" if s == 201 else f"HTTP {s} {b[:300]!r}")

    s, b, _ = http("GET", "/rest/workspaces/wx/coveragestores/nam/coverages/TMP_ISBL.xml")
    x = b.decode()
    check("<srs>EPSG:4326</srs>" in x and "REPROJECT_TO_DECLARED" in x and "TMP Temperature [K]" in x,
          "a Lambert layer gets declared SRS EPSG:4326 (reprojected) and a title", re.search(r"<title>(.*?)</title>", x).group(1))

    # 3. dimensions through REST, listed in capabilities with the files' values
    dimensions("nam", "TMP_ISBL", time=True, elevation=True, run=True)
    dimensions("nam", "TMP_ISBL_best", time=True, elevation=True, run=False)
    dimensions("nam", "WIND_HTGL", time=True, elevation=True, run=True)
    dimensions("namlatest", "TMP_ISBL_latest", time=True, elevation=True, run=True)
    dimensions("cf", "air", time=True)
    dimensions("goes", "Rad_C13", time=True)
    dimensions("mrms", "MRMS_REFL", time=True)

    expected_t, expected_l, expected_r = set(), set(), set()
    for f in nam_files:
        for fld in inspect(os.path.join(nam, f)):
            if fld["shortName"] == "TMP" and fld["level"]["type"] == "ISBL":
                expected_t.add(iso(fld["validTime"]))
                expected_r.add(iso(fld["referenceTime"]))
                expected_l.add(fld["level"]["value"] / 100)
    for version in ("1.1.1", "1.3.0"):
        dims = layer_dimensions(caps(version), "wx:TMP_ISBL")
        check(set(dims.get("time", [])) == expected_t, f"WMS {version} capabilities list the valid times of every file",
              ",".join(sorted(dims.get("time", []))))
        check({float(v) for v in dims.get("elevation", [])} == expected_l, f"WMS {version} capabilities list the levels (hPa)",
              f"{len(dims.get('elevation', []))} levels")
        check(set(dims.get("reference_time", [])) == expected_r, f"WMS {version} capabilities list the model runs",
              ",".join(sorted(dims.get("reference_time", []))))
    air = layer_dimensions(caps(), "wx:air")
    air_times = {iso(f["validTime"]) for f in inspect(os.path.join(WEATHER, "cf", "air.nc")) if f["shortName"] == "air"}
    check(set(air.get("time", [])) == air_times and len(air_times) == 124, "CF NetCDF layer lists its 124 times",
          f"{len(air.get('time', []))} times")

    # 4. GetMap with a stock ColorMap SLD equals wx render of the same field (same bbox, size, CRS)
    sld_path = os.path.join(ROOT, "gs-weather-plugin", "weather-geoserver", "src", "e2e", "colormap-temperature.sld")
    with open(sld_path) as f:
        http("POST", "/rest/workspaces/wx/styles?name=e2e_colormap", f.read(), "application/vnd.ogc.sld+xml")
    by_run = {}
    for f in nam_files:
        for fld in inspect(os.path.join(nam, f)):
            if fld["shortName"] == "TMP" and fld["level"]["type"] == "ISBL" and fld["level"]["value"] == 50000:
                by_run[(iso(fld["referenceTime"]), iso(fld["validTime"]))] = (os.path.join(nam, f), fld["field"])
    runs = sorted({r for r, _ in by_run})
    valid = sorted({v for r, v in by_run if sum(1 for rr, vv in by_run if vv == v) > 1})[0]
    old_run, new_run = runs[0], runs[-1]
    old_file, old_field = by_run[(old_run, valid)]
    new_file, new_field = by_run[(new_run, valid)]
    extra_old = f"&TIME={valid}&ELEVATION=500&DIM_REFERENCE_TIME={old_run}"
    same_as_wx_render("GetMap EPSG:4326 (WMS 1.1.1) TIME+ELEVATION+DIM_REFERENCE_TIME = wx render of that run's field",
                      "wx:TMP_ISBL", old_file, old_field, "-125,22,-65,52", (600, 300), "EPSG:4326", "1.1.1", sld_path, extra_old)
    same_as_wx_render("GetMap EPSG:4326 (WMS 1.3.0, lat/lon axis order) = wx render",
                      "wx:TMP_ISBL", old_file, old_field, "22,-125,52,-65", (600, 300), "EPSG:4326", "1.3.0", sld_path,
                      extra_old, wx_bbox="-125,22,-65,52")
    same_as_wx_render("GetMap EPSG:3857 = wx render",
                      "wx:TMP_ISBL", old_file, old_field, "-13900000,2500000,-7200000,6800000", (512, 330), "EPSG:3857",
                      "1.1.1", sld_path, extra_old)
    same_as_wx_render("GetMap without a run (REFERENCE_TIME not enabled) = the newest run's field (best estimate)",
                      "wx:TMP_ISBL_best", new_file, new_field, "-125,22,-65,52", (600, 300), "EPSG:4326", "1.1.1", sld_path,
                      f"&TIME={valid}&ELEVATION=500")
    same_as_wx_render("GetMap with DIM_REFERENCE_TIME of the newest run = that run's field",
                      "wx:TMP_ISBL", new_file, new_field, "-125,22,-65,52", (600, 300), "EPSG:4326", "1.1.1", sld_path,
                      f"&TIME={valid}&ELEVATION=500&DIM_REFERENCE_TIME={new_run}")
    s, png1, _ = getmap("wx:TMP_ISBL", "-125,22,-65,52", (300, 150), "EPSG:4326", extra=extra_old, style="e2e_colormap")
    s, png2, _ = getmap("wx:TMP_ISBL", "-125,22,-65,52", (300, 150), "EPSG:4326", style="e2e_colormap",
                        extra=f"&TIME={valid}&ELEVATION=500&DIM_REFERENCE_TIME={new_run}")
    check(png1 != png2, "two runs of one valid time draw differently (the runs hold different forecasts)")
    s, b, ct = getmap("wx:TMP_ISBL", "-125,22,-65,52", (300, 150), "EPSG:4326", extra="&ELEVATION=850", style="e2e_colormap")
    check(s == 200 and "image/png" in ct, "GetMap with only ELEVATION uses GeoServer's default time and run", ct)

    # other grids and formats through GeoServer's reprojection: the field covers its own bounding box
    def lonlat_bbox(layer):
        store_name = next(st for st, cov, l in layers if (l or cov) == layer)
        s, b, _ = http("GET", f"/rest/workspaces/wx/coveragestores/{store_name}/coverages/{layer}.xml")
        box = re.search(r"<latLonBoundingBox>\s*<minx>([^<]+)</minx>\s*<maxx>([^<]+)</maxx>\s*<miny>([^<]+)</miny>\s*<maxy>([^<]+)</maxy>", b.decode())
        x0, x1, y0, y1 = (float(v) for v in box.groups())
        return x0, y0, x1, y1
    for layer, crs, minimum in [("TMP_SFC", "EPSG:3857", 0.5), ("GFS_TMP_ISBL", "EPSG:4326", 0.9),
                                ("MRMS_REFL", "EPSG:3857", 0.01), ("SAFRICA_BRTMP_CTL", "EPSG:4326", 0.5),
                                ("Rad_C13", "EPSG:3857", 0.5), ("Rad_C04", "EPSG:4326", 0.5), ("air", "EPSG:4326", 0.9),
                                ("WIND_uwnd_vwnd", "EPSG:4326", 0.9)] + [("CMC_" + c, "EPSG:4326", 0.3) for c in cmc]:
        # GOES-West's PACUS sector crosses the antimeridian: its lon/lat box spans the globe
        x0, y0, x1, y1 = (-150, 20, -100, 50) if layer == "Rad_C04" else lonlat_bbox(layer)
        if crs == "EPSG:3857":
            import math
            mx = lambda lon: lon * 20037508.34 / 180
            my = lambda lat: math.log(math.tan(math.radians(90 + max(-85, min(85, lat))) / 2)) * 6378137
            bbox = f"{mx(x0)},{my(y0)},{mx(x1)},{my(y1)}"
        else:
            bbox = f"{x0},{max(-90, y0)},{x1},{min(90, y1)}"
        s, b, ct = getmap("wx:" + layer, bbox, (256, 256), crs)
        ok = s == 200 and "image/png" in ct
        vis = float((rgba(b)[..., 3] > 0).mean()) if ok else 0.0
        check(ok and vis >= minimum, f"GetMap wx:{layer} in {crs} draws the field over its bounding box",
              f"{vis:.2f} of the pixels visible" if ok else f"{s} {b[:200]!r}")

    # 5. GetFeatureInfo = wx locate
    for fmt in ("text/plain", "application/json", "text/html"):
        q = (f"/wms?service=WMS&version=1.1.1&request=GetFeatureInfo&layers=wx:TMP_ISBL&query_layers=wx:TMP_ISBL"
             f"&styles=&bbox=-125,22,-65,52&width=600&height=300&srs=EPSG:4326&format=image/png&info_format={fmt}"
             f"&x=300&y=150{extra_old}")
        s, b, ct = http("GET", q, auth=False)
        text = b.decode()
        if fmt == "text/html":  # a table: attribute names in the header row, values below
            heads = re.findall(r"<th[^>]*>\s*(.*?)\s*</th>", text, re.S)
            cells = re.findall(r"<td[^>]*>\s*(.*?)\s*</td>", text, re.S)
            text = " ".join(f"{h} = {c}" for h, c in zip(heads, cells))
        lon, lat = -125 + 300.5 * 0.1, 52 - 150.5 * 0.1
        ref = wx("locate", old_file, "--field", str(old_field), str(lon), str(lat))
        ref_value = float(re.search(r"value=([-0-9.eE]+)", ref).group(1))
        m = re.search(r"value\W+([-0-9.eE]{4,})", text)
        got = float(m.group(1)) if m else None
        check(got is not None and abs(got - ref_value) < 1e-3 and "K" in text, f"GetFeatureInfo {fmt} = wx locate",
              f"{got} vs {ref_value} K")
    q = (f"/wms?service=WMS&version=1.1.1&request=GetFeatureInfo&layers=wx:TMP_ISBL&query_layers=wx:TMP_ISBL&styles="
         f"&bbox=0,0,10,10&width=100&height=100&srs=EPSG:4326&format=image/png&info_format=application/json&x=50&y=50{extra_old}")
    s, b, _ = http("GET", q, auth=False)
    check('"outside the grid"' in b.decode(), "GetFeatureInfo off the grid says so", b.decode()[:160])
    q = ("/wms?service=WMS&version=1.1.1&request=GetFeatureInfo&layers=wx:WIND_HTGL&query_layers=wx:WIND_HTGL&styles="
         "&bbox=-125,22,-65,52&width=600&height=300&srs=EPSG:4326&format=image/png&info_format=application/json&x=300&y=150"
         f"&TIME={valid}&DIM_REFERENCE_TIME={old_run}&ELEVATION=10")
    s, b, _ = http("GET", q, auth=False)
    props = json.loads(b)["features"][0]["properties"]
    u_field = next(f["field"] for f in inspect(old_file) if f["shortName"] == "UGRD" and f["level"]["type"] == "HTGL")
    v_field = next(f["field"] for f in inspect(old_file) if f["shortName"] == "VGRD" and f["level"]["type"] == "HTGL")
    lon, lat = -125 + 300.5 * 0.1, 52 - 150.5 * 0.1
    ug = float(re.search(r"value=([-0-9.eE]+)", wx("locate", old_file, "--field", str(u_field), str(lon), str(lat))).group(1))
    vg = float(re.search(r"value=([-0-9.eE]+)", wx("locate", old_file, "--field", str(v_field), str(lon), str(lat))).group(1))
    check(abs(props["speed"] - (ug * ug + vg * vg) ** 0.5) < 1e-3 and 0 <= props["direction_from"] < 360,
          "GetFeatureInfo on a wind layer: speed of wx locate's u/v, direction from true north",
          f"speed {props['speed']:.3f} m/s from {props['direction_from']:.1f} deg")

    # 6. GWC parameter filter: WMTS capabilities list the dimension values, requests are canonical
    gl = f"""<GeoServerLayer><enabled>true</enabled><name>wx:TMP_ISBL</name>
      <mimeFormats><string>image/png</string></mimeFormats>
      <gridSubsets><gridSubset><gridSetName>EPSG:900913</gridSetName></gridSubset><gridSubset><gridSetName>EPSG:4326</gridSetName></gridSubset></gridSubsets>
      <metaWidthHeight><int>4</int><int>4</int></metaWidthHeight>
      <parameterFilters><styleParameterFilter><key>STYLES</key><defaultValue></defaultValue></styleParameterFilter>
      <weatherDimensionParameterFilter><key>TIME</key><layer>wx:TMP_ISBL</layer></weatherDimensionParameterFilter>
      <weatherDimensionParameterFilter><key>ELEVATION</key><layer>wx:TMP_ISBL</layer></weatherDimensionParameterFilter>
      <weatherDimensionParameterFilter><key>DIM_REFERENCE_TIME</key><layer>wx:TMP_ISBL</layer></weatherDimensionParameterFilter>
      </parameterFilters><gutter>0</gutter></GeoServerLayer>"""
    s, b, _ = http("PUT", "/gwc/rest/layers/wx:TMP_ISBL.xml", gl)
    check(s == 200, "GWC REST accepts weatherDimensionParameterFilter", f"HTTP {s} {b[:200]!r}")
    s, b, _ = http("PUT", "/gwc/rest/layers/wx:TMP_ISBL.xml", gl.replace("<layer>wx:TMP_ISBL</layer>", "", 1))
    check(s >= 400 and b"needs <layer>" in b, "GWC REST refuses a filter without its layer", b.decode(errors="replace")[:200])

    def wmts_dims():
        s, b, _ = http("GET", "/gwc/service/wmts?REQUEST=GetCapabilities", auth=False)
        x = b.decode()
        i = x.find("<ows:Identifier>wx:TMP_ISBL</ows:Identifier>")
        seg = x[i:x.find("</Layer>", i)]
        return {m.group(1): re.findall(r"<Value>([^<]*)</Value>", m.group(0))
                for m in re.finditer(r"<Dimension><ows:Identifier>([^<]+)</ows:Identifier>.*?</Dimension>", seg, re.S)}
    d = wmts_dims()
    check(set(d.get("TIME", [])) == expected_t and set(d.get("DIM_REFERENCE_TIME", [])) == expected_r
          and {float(v) for v in d.get("ELEVATION", [])} == expected_l,
          "WMTS capabilities list TIME, ELEVATION and DIM_REFERENCE_TIME values from the filter",
          f"{len(d.get('TIME', []))} times, {len(d.get('ELEVATION', []))} levels, {len(d.get('DIM_REFERENCE_TIME', []))} runs")
    short = valid.replace(":00.000Z", "Z")
    t1 = f"/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=wx:TMP_ISBL&STYLE=&TILEMATRIXSET=EPSG:900913&TILEMATRIX=EPSG:900913:3&TILEROW=2&TILECOL=2&FORMAT=image/png&ELEVATION=500&TIME="
    s1, b1, _ = http("GET", t1 + urllib.parse.quote(short), auth=False)
    s2, b2, _ = http("GET", t1 + urllib.parse.quote(valid), auth=False)
    check(s1 == 200 and s2 == 200 and b1 == b2, "WMTS GetTile: TIME written two ways is one tile", f"{s1} {s2}")
    s, b, _ = http("GET", t1 + "2001-01-01T00:00:00Z", auth=False)
    check(s == 400 and b"is not a value of layer" in b, "WMTS GetTile with a TIME the layer lacks: 400 naming the values",
          b.decode(errors="replace")[:200])

    # 7. a new run copied into the directory appears in capabilities (WMS and WMTS) without a restart
    src = os.path.join(WEATHER, "incoming", "nam.t12z.f00.grib2")
    new_run_iso = iso(inspect(src)[0]["referenceTime"])
    tmp_copy = os.path.join(nam, ".nam.t12z.f00.grib2.part")
    shutil.copy(src, tmp_copy)
    t0 = time.time()
    os.rename(tmp_copy, os.path.join(nam, "nam.t12z.f00.grib2"))
    seen = None
    while time.time() - t0 < 30:
        if new_run_iso in layer_dimensions(caps(), "wx:TMP_ISBL").get("reference_time", []):
            seen = time.time() - t0
            break
        time.sleep(0.25)
    check(seen is not None and seen < 10, "a new run copied into the store directory appears in WMS capabilities",
          f"after {seen:.1f} s" if seen else "not within 30 s")
    check(new_run_iso in wmts_dims().get("DIM_REFERENCE_TIME", []), "... and in WMTS capabilities (parameter filter)")
    latest = layer_dimensions(caps(), "wx:TMP_ISBL_latest").get("reference_time", [])
    check(latest == [new_run_iso], "store with keepRuns=1 shows only the newest run", ",".join(latest))

    # 8. a corrupt file is logged once with its name and skipped; every other file keeps serving
    with open(src, "rb") as f:
        data = bytearray(f.read())
    data[16:400] = b"\xff" * 384
    with open(os.path.join(nam, "corrupt.grib2"), "wb") as f:
        f.write(data)
    time.sleep(6)
    with open(LOG, errors="replace") as f:
        log = f.read()
    n = log.count("skipping " + os.path.join(nam, "corrupt.grib2"))
    check(n == 2, "corrupt file logged once, with its name and the reason, by each of the 2 stores on the directory",
          next((l.strip() for l in log.splitlines() if "corrupt.grib2" in l), "not logged")[:240])
    s, b, ct = getmap("wx:TMP_ISBL", "-125,22,-65,52", (300, 150), "EPSG:4326", extra=extra_old, style="e2e_colormap")
    check(s == 200 and b == png1, "other files keep serving after the corrupt one arrived")
    s, b, _ = http("GET", "/rest/about/status.json")
    check(b'"name":"Weather stores"' in b, "module status lists 'Weather stores' under About & Status")
    os.remove(os.path.join(nam, "corrupt.grib2"))

    # 9. real clients: GDAL and OWSLib (GDAL's WMS cache off: it would write into the working directory)
    os.environ["GDAL_ENABLE_WMS_CACHE"] = "NO"
    wms = f"WMS:{GS}/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=wx:TMP_ISBL&SRS=EPSG:4326&BBOX=-125,22,-65,52"
    r = subprocess.run(["gdalinfo", wms], capture_output=True, text=True)
    check(r.returncode == 0 and "Size is" in r.stdout, "gdalinfo reads the WMS layer", r.stdout.split("\n")[2] if r.returncode == 0 else r.stderr[:200])
    out = os.path.join(TMP, "gdal_wms.tif")
    r = subprocess.run(["gdal_translate", "-q", "-outsize", "300", "150", "-oo", "USERPWD=admin:geoserver",
                        wms + f"&TIME={valid}&ELEVATION=500&DIM_REFERENCE_TIME={old_run}&STYLES=e2e_colormap&FORMAT=image/png", out],
                       capture_output=True, text=True)
    check(r.returncode == 0 and os.path.getsize(out) > 1000, "gdal_translate fetches a map with TIME through the WMS driver",
          r.stderr[:200])
    wmts = f"WMTS:{GS}/gwc/service/wmts?REQUEST=GetCapabilities,layer=wx:TMP_ISBL,tilematrixset=EPSG:4326"
    r = subprocess.run(["gdalinfo", wmts], capture_output=True, text=True)
    check(r.returncode == 0 and "Size is" in r.stdout, "gdalinfo reads the WMTS layer", r.stderr[:200])
    out2 = os.path.join(TMP, "gdal_wmts.tif")
    r = subprocess.run(["gdal_translate", "-q", "-outsize", "512", "256", "-projwin", "-125", "52", "-65", "22", wmts, out2],
                       capture_output=True, text=True)
    check(r.returncode == 0 and os.path.exists(out2), "gdal_translate a WMTS tile matrix to GeoTIFF", r.stderr[:200])
    from owslib.wms import WebMapService
    w = WebMapService(GS + "/wms", version="1.3.0")
    lyr = w["wx:TMP_ISBL"]
    img = w.getmap(layers=["wx:TMP_ISBL"], styles=["e2e_colormap"], srs="EPSG:4326", bbox=(22, -125, 52, -65), size=(300, 150),
                   format="image/png", time=valid, elevation="500", transparent=True)
    data = img.read()
    check(lyr.timepositions and valid in [iso(t) for t in lyr.timepositions] and data[:4] == b"\x89PNG",
          "OWSLib WMS 1.3.0: layer times and GetMap with TIME", f"{len(lyr.timepositions)} times, {len(data)} bytes")
    from owslib.wmts import WebMapTileService
    t = WebMapTileService(GS + "/gwc/service/wmts")
    tile = t.gettile(layer="wx:TMP_ISBL", tilematrixset="EPSG:900913", tilematrix="EPSG:900913:3", row=2, column=2,
                     format="image/png", ELEVATION="500", TIME=valid)
    check(tile.read()[:4] == b"\x89PNG", "OWSLib WMTS GetTile with dimensions")

    # 10. WCS GetCoverage: a subset on cell edges is the grid's own cells, values as wx decode gives them
    gfs_file = os.path.join(WEATHER, "gfs", "gfs.t12z.pgrbf120.2p5deg.grib2")
    field = next(str(f["field"]) for f in inspect(gfs_file)
                 if f["shortName"] == "TMP" and f["level"]["type"] == "ISBL" and f["level"]["value"] == 85000)  # Pa
    native = os.path.join(TMP, "gfs_t850.bin")
    wx("decode", gfs_file, "--field", field, "--out", native)
    grid = np.fromfile(native, "<f4").reshape(73, 144)  # rows from 90N, columns from 0E, 2.5 degrees
    dimensions("gfs", "GFS_TMP_ISBL", time=True, elevation=True)
    q = ("/wcs?service=WCS&version=2.0.1&request=GetCoverage&coverageId=wx__GFS_TMP_ISBL&format=image/tiff"
         "&subset=elevation(850)&subset=Long(-101.25,101.25)&subset=Lat(-61.25,61.25)")
    s, b, ct = http("GET", q, auth=False)
    from osgeo import gdal
    gdal.FileFromMemBuffer("/vsimem/wcs.tif", b)
    ds = gdal.Open("/vsimem/wcs.tif") if s == 200 else None
    if ds is None:
        check(False, "WCS 2.0.1 GetCoverage of a GFS level as GeoTIFF", f"{s} {b[:300]!r}")
    else:
        got = ds.GetRasterBand(1).ReadAsArray()
        gt = ds.GetGeoTransform()
        want = grid[12:61][:, [(104 + k) % 144 for k in range(81)]]  # 60N..60S, 100W..100E
        same = got.shape == want.shape and float(np.abs(got - want).max()) == 0.0
        check(same and np.allclose(gt, (-101.25, 2.5, 0, 61.25, 0, -2.5)),
              "WCS 2.0.1 GetCoverage on cell edges = the grid's cells at 2.5 degrees, values = wx decode",
              f"{got.shape}, geotransform {tuple(round(v, 4) for v in gt)}")
        ds = None
    gdal.Unlink("/vsimem/wcs.tif")

    print(f"\n{len(failures)} failed" if failures else "\nall passed", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

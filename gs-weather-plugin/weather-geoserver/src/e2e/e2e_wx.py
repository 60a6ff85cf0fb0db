#!/usr/bin/env python3
"""End-to-end checks of the wx: rendering transformations and the styles/ SLDs in a running GeoServer 2.26
whose weather stores e2e_weather.py created.

Usage: e2e_wx.py GEOSERVER_URL WEATHER_DIR REPO_ROOT OUT_DIR

Every SLD of styles/ is uploaded through REST and drawn on a real field; the map must equal
`wx render` of the same field, style, box, size and CRS (ramps to one unit of a channel, symbols and
labels within anti-aliasing), and the map the core draws alone must equal the one drawn through
GeoServer's renderer, transparent and opaque over a BGCOLOR; other checks: both WMS axis orders, a CRS the render core does not
implement (against GeoServer's own reprojection of the same classes), GWC metatiles against one
GetMap, legends, errors, GetFeatureInfo, a stock GeoTIFF layer. Pictures of each style go to OUT_DIR.
"""
import gzip, json, math, os, re, shutil, subprocess, sys, tempfile
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_weather as base  # noqa: E402  (http, wx, inspect, rgba, agreement, check, failures)

GS, WEATHER, ROOT, OUT = sys.argv[1:5]
base.GS = GS
sys.path.insert(0, os.path.join(ROOT, "styles"))
import generate  # noqa: E402

TMP = tempfile.mkdtemp(prefix="e2e-wx-")
check, http, wx, inspect, rgba = base.check, base.http, base.wx, base.inspect, base.rgba


def merc(lon, lat):
    return lon * 20037508.342789244 / 180, math.log(math.tan(math.radians(90 + lat) / 2)) * 6378137


def bbox3857(w, s, e, n):
    x0, y0 = merc(w, s)
    x1, y1 = merc(e, n)
    return f"{x0},{y0},{x1},{y1}"


def field(path, short, level_type, value=None, hours=None):
    for f in inspect(path):
        lv = f["level"]
        if f["shortName"] == short and lv["type"] == level_type and (value is None or lv["value"] == value):
            return f
    raise SystemExit(f"no {short} {level_type} {value} in {path}")


def publish(store, coverage, layer):
    """A layer with TIME and ELEVATION enabled: GeoServer passes a request's TIME and ELEVATION to the reader
    (and to wx: transformations) only for enabled dimensions; DIM_REFERENCE_TIME is passed in any case."""
    s, b, _ = base.publish(store, coverage, layer)
    base.dimensions(store, layer, time=True, elevation=True, run=False)
    return s in (201, 500) and (s == 201 or b"already exists" in b)


def upload_style(name, sld):
    """Creates or replaces a style of the wx workspace; returns the HTTP status of the creation (201) or update (200)."""
    s, b, _ = http("POST", f"/rest/workspaces/wx/styles?name={name}", sld, "application/vnd.ogc.sld+xml")
    if s == 403 and b"already exists" in b:
        s, b, _ = http("PUT", f"/rest/workspaces/wx/styles/{name}", sld, "application/vnd.ogc.sld+xml")
    return s, b


def premultiplied(img):
    """Colours times their alpha: how a pixel looks over any background (transparent ones are alike)."""
    a = img[..., 3:4].astype(int)
    return np.concatenate([(img[..., :3].astype(int) * a + 127) // 255, a], axis=2)


def diff(a, b):
    """Share of pixels whose premultiplied channels differ by at most 2, and the largest difference."""
    d = np.abs(premultiplied(a) - premultiplied(b)).max(axis=2)
    return (d <= 2).mean(), int(d.max())


def getmap(layer, style, bbox, size, crs, version="1.1.1", extra="", transparent=True, fmt="image/png"):
    return base.getmap(layer, bbox, size, crs, version, style, extra, transparent, fmt)


def render_ref(path, fields, style, bbox, size, crs, calibrate=None, variable=None):
    out = os.path.join(TMP, "ref.png")
    args = ["render", path]
    args += ["--variable", variable] if variable else ["--field", fields]
    if calibrate:
        args += ["--calibrate", calibrate]
    args += ["--style", style, "--bbox", bbox, "--size", f"{size[0]}x{size[1]}", "--crs", crs, "--out", out]
    wx(*args)
    with open(out, "rb") as f:
        return f.read()


def both_ways(layer, style, bbox, size, extra="", transparent=True, fmt="image/png"):
    """The map drawn by the core alone and the same through GeoServer's renderer (a format option sends it there):
    (status, body, content type) of each, and how many maps the core and GeoServer's renderer drew meanwhile."""
    before = maps_drawn()
    core = getmap(layer, style, bbox, size, "EPSG:3857", extra=extra, transparent=transparent, fmt=fmt)
    drawn_by_core = maps_drawn()["core"] - before["core"]
    renderer = getmap(layer, style, bbox, size, "EPSG:3857", extra=extra + "&format_options=antialias:full",
                      transparent=transparent, fmt=fmt)
    return core, renderer, drawn_by_core, maps_drawn()["geoserver"] - before["geoserver"]


def maps_drawn():
    """gsweather_wms_maps_total by drawer."""
    s, b, _ = http("GET", "/rest/wx/metrics", auth=True)
    found = dict(re.findall(r'gsweather_wms_maps_total\{drawer="(\w+)"\} ([0-9.]+)', b.decode()))
    return {k: float(found.get(k, 0)) for k in ("core", "geoserver")}


def main():
    os.makedirs(OUT, exist_ok=True)
    nam = os.path.join(WEATHER, "nam", "nam.t00z.f12.grib2")
    gfs = os.path.join(WEATHER, "gfs", "gfs.t12z.pgrbf120.2p5deg.grib2")
    hrrr = os.path.join(WEATHER, "hrrr", "hrrr.t06z.wrfsfcf01-TMP.grib2")
    mrms = os.path.join(TMP, "mrms.grib2")
    with gzip.open([os.path.join(WEATHER, "mrms", f) for f in os.listdir(os.path.join(WEATHER, "mrms"))][0]) as z, \
            open(mrms, "wb") as o:
        shutil.copyfileobj(z, o)
    goes = {re.search(r"M6(C\d\d)_", f).group(1): os.path.join(WEATHER, "goes", f)
            for f in os.listdir(os.path.join(WEATHER, "goes")) if f.endswith(".nc")}
    cmc = [os.path.join(WEATHER, "cmc", f) for f in os.listdir(os.path.join(WEATHER, "cmc")) if "HRDPS" in f][0]

    # 1. every SLD of styles/ uploaded through REST
    for name in generate.STYLES:
        with open(os.path.join(ROOT, "styles", name + ".sld")) as f:
            sld = f.read()
        s, b = upload_style(name, sld)
        check(s in (200, 201), f"style {name} uploaded through REST", "" if s in (200, 201) else f"HTTP {s} {b[:200]!r}")

    def nam_dims(f):
        return f"&TIME={base.iso(f['validTime'])}&DIM_REFERENCE_TIME={base.iso(f['referenceTime'])}"

    t500 = field(nam, "TMP", "ISBL", 50000)
    rh700 = field(nam, "RH", "ISBL", 70000)
    u10n, v10n = field(nam, "UGRD", "HTGL", 10), field(nam, "VGRD", "HTGL", 10)
    apcp = field(nam, "APCP", "SFC")
    u250, v250 = field(gfs, "UGRD", "ISBL", 25000), field(gfs, "VGRD", "ISBL", 25000)
    u10g, v10g = field(gfs, "UGRD", "HTGL", 10), field(gfs, "VGRD", "HTGL", 10)
    # (style, store, coverage, layer, file, --field, extra request parameters, lon/lat box, calibrate, variable)
    cases = [
        ("wx-radar-reflectivity", "mrms", "ReflectivityAtLowestAltitude_GPML", "WX_MRMS", mrms, "1", "", (-100, 30, -80, 45), None, None),
        ("wx-temperature-degC", "gfs", "TMP_HTGL", "WX_GFS_T2M", gfs, str(field(gfs, "TMP", "HTGL", 2)["field"]), "&ELEVATION=2", (-170, -60, 170, 75), None, None),
        ("wx-temperature-degF", "hrrr", "TMP_SFC", "WX_HRRR_TMP", hrrr, "1", "", (-125, 25, -67, 50), None, None),
        ("wx-mslp-isobars", "gfs", "PRMSL_MSL", "WX_GFS_MSLP", gfs, str(field(gfs, "PRMSL", "MSL")["field"]), "", (-170, -60, 170, 75), None, None),
        ("wx-precip-rate", "gfs", "PRATE_SFC_avg6h", "WX_GFS_PRATE", gfs, str(field(gfs, "PRATE", "SFC")["field"]), "", (-170, -60, 170, 75), None, None),
        ("wx-precip-accum", "nam", "APCP_SFC_acc", "WX_NAM_APCP", nam, str(apcp["field"]), nam_dims(apcp), (-125, 22, -65, 52), None, None),
        ("wx-wind-barbs", "gfs", "WIND_HTGL", "WX_GFS_WIND10", gfs, f"{u10g['field']},{v10g['field']}", "&ELEVATION=10", (-130, 20, -60, 55), None, None),
        ("wx-wind-speed-arrows", "nam", "WIND_HTGL", "WX_NAM_WIND10", nam, f"{u10n['field']},{v10n['field']}", nam_dims(u10n) + "&ELEVATION=10", (-125, 22, -65, 52), None, None),
        ("wx-jet-isotachs-barbs", "gfs", "WIND_ISBL", "WX_GFS_JET", gfs, f"{u250['field']},{v250['field']}", "&ELEVATION=250", (-170, 0, -40, 70), None, None),
        ("wx-goes-ir-enhanced", "goes", "BT_C13", "WX_GOES_IR", goes["C13"], None, "", (-123, 37, -117, 42), "bt", "Rad"),
        ("wx-goes-ir-gray", "goes", "BT_C13", "WX_GOES_IR_GRAY", goes["C13"], None, "", (-123, 37, -117, 42), "bt", "Rad"),
        ("wx-goes-visible", "goes", "REFL_C04", "WX_GOES_VIS", goes["C04"], None, "", (-130, 30, -105, 48), "reflectance", "Rad"),
        ("wx-cape", "cmc", "CAPE_SFC", "WX_CMC_CAPE", cmc, "1", "", (-100, 42, -70, 55), None, None),
        ("wx-relative-humidity", "nam", "RH_ISBL", "WX_NAM_RH700", nam, str(rh700["field"]), nam_dims(rh700) + "&ELEVATION=700", (-125, 22, -65, 52), None, None),
        ("wx-cloud-cover", "gfs", "TCDC_EATM_avg6h", "WX_GFS_TCDC", gfs, str(field(gfs, "TCDC", "EATM")["field"]), "", (-170, -60, 170, 75), None, None),
    ]
    size = (512, 384)
    for style, store, coverage, layer, path, flds, extra, box, calibrate, variable in cases:
        publish(store, coverage, layer)
        bbox = bbox3857(*box)
        s, png, ct = getmap("wx:" + layer, style, bbox, size, "EPSG:3857", extra=extra)
        if s != 200 or "image/png" not in ct:
            check(False, f"{style} on {layer} draws", f"{s} {ct} {png[:300]!r}")
            continue
        with open(os.path.join(OUT, f"{style}.png"), "wb") as f:
            f.write(png)
        ours = rgba(png)
        visible = float((ours[..., 3] > 0).mean())
        ref = rgba(render_ref(path, flds, generate.style_string(generate.STYLES[style][2]), bbox, size, "EPSG:3857",
                              calibrate, variable))
        within, worst = diff(ours, ref)
        symbols = any(f != "ColorRamp" for f, _ in generate.STYLES[style][2])
        ok = visible > 0.005 and (within >= 0.995 if symbols else worst <= 1)
        check(ok, f"{style} on {layer} (EPSG:3857) = wx render of the same field",
              f"{visible:.2f} drawn, {within:.4f} of pixels within 2/255, largest difference {worst}")
        # drawn by the render core alone; any format option sends the map through GeoServer's renderer, which
        # composites the images of several transformations one over the other: the same pixels for one, within the
        # rounding of partly transparent pixels for several
        (s, png, ct), (s2, png2, _), drawn_by_core, by_geoserver = both_ways("wx:" + layer, style, bbox, size, extra)
        within, worst = diff(rgba(png), rgba(png2)) if s == s2 == 200 else (0, -1)
        alike = worst <= 1 if len(generate.STYLES[style][2]) == 1 else 0 <= worst <= 4 and within >= 0.999
        # (at least one map a side: the store's warming may draw metatiles meanwhile)
        check(drawn_by_core >= 1 and by_geoserver >= 1 and alike,
              f"{style} drawn by the core alone = drawn through GeoServer's renderer",
              f"core {drawn_by_core}, GeoServer {by_geoserver} map(s); {within:.4f} of pixels within 2/255, largest"
              f" premultiplied difference {worst}")
        # opaque (Leaflet's default): the core's image over BGCOLOR, as GeoServer fills the map and draws on it
        opaque = extra + "&bgcolor=0x2080F0"
        (s, png, _), (s2, png2, _), drawn_by_core, _ = both_ways("wx:" + layer, style, bbox, size, opaque, False)
        ok = s == s2 == 200
        a, b = (rgba(png), rgba(png2)) if ok else (None, None)
        within, worst = diff(a, b) if ok else (0, -1)
        opaque_pixels = bool((a[..., 3] == 255).all()) if ok else False
        alike = worst <= 1 if len(generate.STYLES[style][2]) == 1 else 0 <= worst <= 4 and within >= 0.999
        check(drawn_by_core >= 1 and opaque_pixels and alike,
              f"{style} opaque over BGCOLOR drawn by the core alone = drawn through GeoServer's renderer",
              f"core {drawn_by_core} map(s), every pixel opaque {opaque_pixels}; {within:.4f} of pixels within 2/255,"
              f" largest difference {worst}")
        # PNG8 (image/png8, which QGIS offers): the core's palette, the same as through GeoServer's renderer; past 256
        # colors (stacked styles) GeoServer's quantizer reduces either image, and the two must be as close to the
        # full-color map
        (s, png, ct), (s2, png2, _), drawn_by_core, _ = both_ways("wx:" + layer, style, bbox, size, extra,
                                                                   fmt="image/png8")
        s3, full, _ = getmap("wx:" + layer, style, bbox, size, "EPSG:3857", extra=extra)
        ok = s == s2 == s3 == 200 and "image/png" in ct
        if not ok:
            check(False, f"{style} as image/png8", f"HTTP {s} {s2} {s3} {ct}")
            continue
        ours8, theirs8, reference = rgba(png), rgba(png2), rgba(full)
        within, worst = diff(ours8, theirs8)
        if len(generate.STYLES[style][2]) == 1:
            alike = worst <= 1
            detail = f"{within:.4f} of pixels within 2/255, largest difference {worst}"
        else:
            err_ours = float(np.abs(premultiplied(ours8) - premultiplied(reference)).mean())
            err_theirs = float(np.abs(premultiplied(theirs8) - premultiplied(reference)).mean())
            alike = err_ours <= 1.5 * err_theirs + 0.05
            detail = (f"quantized: mean difference from the full-color map {err_ours:.3f} (through GeoServer's renderer"
                      f" {err_theirs:.3f})")
        check(drawn_by_core >= 1 and alike, f"{style} as image/png8 drawn by the core alone = drawn through GeoServer's"
              f" renderer", f"{ct}, core {drawn_by_core} map(s); {detail}")
        # JPEG (always opaque, over BGCOLOR): the same encoder on the same pixels (the same bytes), or for stacked styles
        # on pixels a few units apart, which the compression spreads (below one unit on average)
        (s, jpg, ct), (s2, jpg2, _), drawn_by_core, _ = both_ways("wx:" + layer, style, bbox, size, opaque,
                                                                   fmt="image/jpeg")
        ok = s == s2 == 200 and ct.startswith("image/jpeg")
        ours, theirs = (rgba(jpg).astype(int), rgba(jpg2).astype(int)) if ok else (None, None)
        mean = float(np.abs(ours - theirs).mean()) if ok else -1
        alike = ok and (jpg == jpg2 if len(generate.STYLES[style][2]) == 1 else 0 <= mean <= 1.0)
        check(drawn_by_core >= 1 and alike, f"{style} as image/jpeg drawn by the core alone = drawn through GeoServer's"
              f" renderer", f"{ct}, core {drawn_by_core} map(s); {'the same bytes' if ok and jpg == jpg2 else ''}"
              f" mean difference {mean:.3f}")
        # JPEG-PNG: JPEG where the map is opaque, PNG where it is not, as GeoServer's response decides for either
        (s, mixed, ct), (s2, mixed2, ct2), drawn_by_core, _ = both_ways("wx:" + layer, style, bbox, size, extra,
                                                                         fmt="image/vnd.jpeg-png")
        ok = s == s2 == 200 and ct == ct2 and ct.split(";")[0] in ("image/png", "image/jpeg")
        within, worst = diff(rgba(mixed), rgba(mixed2)) if ok else (0, -1)
        mean = float(np.abs(premultiplied(rgba(mixed)) - premultiplied(rgba(mixed2))).mean()) if ok else -1
        if len(generate.STYLES[style][2]) == 1:
            alike = ok and worst <= 1
        else:  # as above: PNG within a few units, JPEG within one unit on average
            alike = ok and (mean <= 1.0 if ct.startswith("image/jpeg") else 0 <= worst <= 4 and within >= 0.999)
        check(drawn_by_core >= 1 and alike, f"{style} as image/vnd.jpeg-png drawn by the core alone = drawn through"
              f" GeoServer's renderer", f"{ct} / {ct2}, core {drawn_by_core} map(s); {within:.4f} of pixels within"
              f" 2/255, largest premultiplied difference {worst}, mean {mean:.3f}")

    # 2. axis orders and CRSs
    gfs_t = cases[1]
    for version, bbox, wx_bbox in [("1.1.1", "-130,20,-60,55", "-130,20,-60,55"), ("1.3.0", "20,-130,55,-60", "-130,20,-60,55")]:
        s, png, ct = getmap("wx:WX_GFS_T2M", "wx-temperature-degC", bbox, (560, 280), "EPSG:4326", version, "&ELEVATION=2")
        ref = rgba(render_ref(gfs, gfs_t[5], generate.style_string(generate.STYLES["wx-temperature-degC"][2]),
                              wx_bbox, (560, 280), "EPSG:4326"))
        within, worst = diff(rgba(png), ref)
        check(s == 200 and within >= 0.995, f"EPSG:4326 in WMS {version} ({'lat/lon' if version == '1.3.0' else 'lon/lat'} axis order) = wx render",
              f"{within:.4f} within 2/255, largest {worst}")
    # the core alone in WMS 1.3.0's lat/lon axis order: the map GeoServer's renderer draws
    s, png, _ = getmap("wx:WX_GFS_TCDC", "wx-cloud-cover", "20,-130,55,-60", (560, 280), "EPSG:4326", "1.3.0")
    s2, png2, _ = getmap("wx:WX_GFS_TCDC", "wx-cloud-cover", "20,-130,55,-60", (560, 280), "EPSG:4326", "1.3.0",
                         "&format_options=antialias:full")
    within, worst = diff(rgba(png), rgba(png2)) if s == s2 == 200 else (0, -1)
    drawn = float((rgba(png)[..., 3] > 0).mean()) if s == 200 else 0
    check(worst == 0 and drawn > 0.05, "EPSG:4326 in WMS 1.3.0 drawn by the core alone = through GeoServer's renderer",
          f"{drawn:.2f} drawn, largest premultiplied difference {worst}")
    s, png, ct = getmap("wx:WX_GFS_WIND10", "wx-wind-barbs", "-130,20,-60,55", (560, 280), "EPSG:4326", "1.1.1", "&ELEVATION=10")
    ref = rgba(render_ref(gfs, cases[6][5], "barbs", "-130,20,-60,55", (560, 280), "EPSG:4326"))
    within, worst = diff(rgba(png), ref)
    check(s == 200 and within >= 0.995, "barbs in EPSG:4326 = wx render", f"{within:.4f} within 2/255")

    # a map centred on the Pacific: its box passes the antimeridian (x 100 to 260 degrees), as QGIS and OpenLayers
    # ask for one; both the core alone and GeoServer's renderer draw it, east of 180 degrees too
    pacific = [("ColorRamp", {"palette": "wind-speed", "units": "kt"}), ("WindBarbs", {})]
    upload_style("e2e_wx_pacific", generate.sld("e2e_wx_pacific", "Wind speed and barbs", "", pacific))
    for crs, bbox in [("EPSG:4326", "100,-60,260,60"), ("EPSG:3857", bbox3857(100, -60, 260, 60))]:
        ref = rgba(render_ref(gfs, cases[6][5], generate.style_string(pacific), bbox, (640, 480), crs))
        for how, extra in [("the core alone", ""), ("GeoServer's renderer", "&format_options=antialias:full")]:
            s, png, ct = getmap("wx:WX_GFS_WIND10", "e2e_wx_pacific", bbox, (640, 480), crs, "1.1.1",
                                "&ELEVATION=10" + extra)
            got = rgba(png) if s == 200 and ct.startswith("image/png") else None
            within, worst = diff(got, ref) if got is not None else (0, -1)
            east = float((got[:, 320:, 3] > 0).mean()) if got is not None else 0
            check(within >= 0.995 and east > 0.99, f"a Pacific map in {crs} drawn by {how} = wx render, east of 180"
                  f" degrees too", f"{within:.4f} within 2/255, {east:.2f} of the east half drawn"
                  if got is not None else f"{s} {png[:300]!r}")
    # a zoomed-out QGIS canvas: latitudes beyond 90 degrees, drawn transparent
    ref = rgba(render_ref(gfs, cases[6][5], generate.style_string(pacific), "-180,-120,180,120", (600, 400),
                          "EPSG:4326"))
    s, png, ct = getmap("wx:WX_GFS_WIND10", "e2e_wx_pacific", "-180,-120,180,120", (600, 400), "EPSG:4326", "1.1.1",
                        "&ELEVATION=10")
    got = rgba(png) if s == 200 and ct.startswith("image/png") else None
    within, worst = diff(got, ref) if got is not None else (0, -1)
    # (barbs near the poles may overhang 90 degrees by their length: the outer 10 rows stay clear)
    beyond = int((got[:10, :, 3] > 0).sum() + (got[390:, :, 3] > 0).sum()) if got is not None else -1
    world = float((got[60:340, :, 3] > 0).mean()) if got is not None else 0
    check(within >= 0.995 and beyond == 0 and world > 0.99, "a map taller than the world (latitudes -120 to 120) = wx"
          " render: the world drawn, beyond 90 degrees transparent", f"{within:.4f} within 2/255, {beyond} pixels"
          f" drawn in the outer rows" if got is not None else f"{s} {png[:300]!r}")

    # a CRS the core does not implement (ETRS89 LAEA Europe): wx:ColorRamp with an SLD palette against
    # GeoServer's own reprojection of the same ColorMap classes
    palette = os.path.join(ROOT, "gs-weather-plugin", "weather-geoserver", "src", "e2e", "colormap-temperature.sld")
    laea = generate.sld("e2e_wx_classes", "Temperature classes (K)", "the classes of colormap-temperature.sld",
                        [("ColorRamp", {"palette": palette})])
    upload_style("e2e_wx_classes", laea)
    upload_style("e2e_colormap", open(palette).read())
    box = "2500000,1400000,6500000,5500000"
    s1, ours, _ = getmap("wx:WX_GFS_T2M", "e2e_wx_classes", box, (400, 400), "EPSG:3035", extra="&ELEVATION=2")
    s2, stock, _ = getmap("wx:WX_GFS_T2M", "e2e_colormap", box, (400, 400), "EPSG:3035", extra="&ELEVATION=2")
    near, exact = base.agreement(rgba(ours), rgba(stock)) if s1 == s2 == 200 and ours[:4] == stock[:4] == b"\x89PNG" else (0, 0)
    with open(os.path.join(OUT, "epsg3035.png"), "wb") as f:
        f.write(ours)
    check(near >= 0.99, "EPSG:3035 (not in the core): wx:ColorRamp = GeoServer's own reprojection of the same classes",
          f"{near:.4f} within 1 px, {exact:.4f} exactly")

    # 3. GWC metatiles (4x4, gutter 32) against one GetMap of the same 4x4 tiles
    gl = """<GeoServerLayer><enabled>true</enabled><name>wx:WX_GFS_T2M</name>
      <mimeFormats><string>image/png</string></mimeFormats>
      <gridSubsets><gridSubset><gridSetName>EPSG:900913</gridSetName></gridSubset></gridSubsets>
      <metaWidthHeight><int>4</int><int>4</int></metaWidthHeight>
      <parameterFilters><styleParameterFilter><key>STYLES</key><defaultValue></defaultValue></styleParameterFilter>
      <weatherDimensionParameterFilter><key>ELEVATION</key><layer>wx:WX_GFS_T2M</layer></weatherDimensionParameterFilter>
      </parameterFilters><gutter>32</gutter></GeoServerLayer>"""
    s, b, _ = http("PUT", "/gwc/rest/layers/wx:WX_GFS_T2M.xml", gl)
    http("PUT", "/rest/layers/wx:WX_GFS_T2M", "<layer><defaultStyle><name>wx:wx-temperature-degC</name>"
         "<workspace>wx</workspace></defaultStyle></layer>")
    z, x0, y0 = 3, 0, 0
    n = 2 ** z
    span = 2 * 20037508.342789244 / n
    for style, layer in [("wx-temperature-degC", "WX_GFS_T2M")]:
        mosaic = np.zeros((1024, 1024, 4), dtype=np.uint8)
        for ty in range(4):
            for tx in range(4):
                q = (f"/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=wx:{layer}&STYLE="
                     f"&TILEMATRIXSET=EPSG:900913&TILEMATRIX=EPSG:900913:{z}&TILEROW={y0 + ty}&TILECOL={x0 + tx}"
                     f"&FORMAT=image/png&ELEVATION=2")
                s, t, _ = http("GET", q, auth=False)
                if t[:4] != b"\x89PNG":
                    raise SystemExit(f"GetTile {q}: HTTP {s} {t[:300]!r}")
                mosaic[ty * 256:(ty + 1) * 256, tx * 256:(tx + 1) * 256] = rgba(t)
        minx = -20037508.342789244 + x0 * span
        maxy = 20037508.342789244 - y0 * span
        s, big, _ = getmap("wx:" + layer, style, f"{minx},{maxy - 4 * span},{minx + 4 * span},{maxy}", (1024, 1024),
                           "EPSG:3857", extra="&ELEVATION=2")
        within, worst = diff(mosaic, rgba(big))
        check(within >= 0.995, f"GWC 4x4 metatile (gutter 32) of {style} = one 1024 px GetMap",
              f"{within:.4f} of pixels within 2/255, largest {worst}")

    # 4. legends
    for name in generate.STYLES:
        layer = next(c[3] for c in cases if c[0] == name)
        s, b, ct = http("GET", f"/wms?service=WMS&version=1.1.1&request=GetLegendGraphic&layer=wx:{layer}&style={name}&format=image/png", auth=False)
        img = rgba(b) if s == 200 and b[:4] == b"\x89PNG" else None
        with open(os.path.join(OUT, f"legend-{name}.png"), "wb") as f:
            f.write(b)
        check(img is not None and img.shape[0] >= 30 and (img[..., :3] < 100).mean() > 0.005,
              f"GetLegendGraphic of {name}", f"{img.shape[1]}x{img.shape[0]}" if img is not None else b[:200].decode(errors="replace"))
    s, b, _ = http("GET", "/wms?service=WMS&version=1.1.1&request=GetLegendGraphic&layer=wx:WX_GFS_T2M&style=wx-temperature-degC"
                          "&format=image/png&width=120&height=300&LEGEND_OPTIONS=fontSize:14", auth=False)
    img = rgba(b)
    check(img.shape[1] == 120 and img.shape[0] > 300, "GetLegendGraphic honours WIDTH, HEIGHT and LEGEND_OPTIONS fontSize",
          f"{img.shape[1]}x{img.shape[0]}")

    # 5. errors name the parameter, as a WMS ServiceException
    bad = open(os.path.join(ROOT, "styles", "wx-radar-reflectivity.sld")).read()
    for what, text, expect in [("palette", bad.replace("<ogc:Literal>reflectivity</ogc:Literal>", "<ogc:Literal>rainbowz</ogc:Literal>"), "unknown palette 'rainbowz'"),
                               ("parameter", bad.replace("<ogc:Literal>palette</ogc:Literal>", "<ogc:Literal>colours</ogc:Literal>"), "unknown parameter 'colours'")]:
        http("DELETE", "/rest/workspaces/wx/styles/e2e_bad?purge=true")
        http("POST", "/rest/workspaces/wx/styles?name=e2e_bad", text, "application/vnd.ogc.sld+xml")
        s, b, ct = getmap("wx:WX_MRMS", "e2e_bad", bbox3857(-100, 30, -80, 45), (256, 256), "EPSG:3857")
        msg = b.decode(errors="replace").replace("&apos;", "'")
        check("ServiceException" in msg and expect in msg and "at org." not in msg,
              f"a wrong {what} is a ServiceException naming it", re.sub(r"\s+", " ", msg)[-220:])

    # 6. GetFeatureInfo on a wx:-styled layer gives the data value
    q = ("/wms?service=WMS&version=1.1.1&request=GetFeatureInfo&layers=wx:WX_GFS_T2M&query_layers=wx:WX_GFS_T2M"
         "&styles=wx-temperature-degC&bbox=-130,20,-60,55&width=560&height=280&srs=EPSG:4326&format=image/png"
         "&info_format=application/json&x=280&y=140&ELEVATION=2")
    s, b, _ = http("GET", q, auth=False)
    p = json.loads(b)["features"][0]["properties"]
    ref = float(re.search(r"value=([-0-9.eE]+)", wx("locate", gfs, "--field", gfs_t[5], str(-130 + 280.5 * 0.125), str(55 - 140.5 * 0.125))).group(1))
    check(abs(p["value"] - ref) < 1e-3 and p["units"] == "K", "GetFeatureInfo on a wx:-styled layer: the data value with units",
          f"{p['value']:.3f} K")

    # 7. a stock GeoTIFF layer with a wx: style is read and drawn by the same core, where GeoServer's own
    # reprojection of the same classes puts it (GDAL writes HRRR's Earth as its own sphere datum, which
    # GeoTools shifts by a datum change: both sides alike)
    tif = os.path.abspath(os.path.join(WEATHER, "hrrr-tmp.tif"))
    subprocess.run(["gdal_translate", "-q", "--config", "GRIB_NORMALIZE_UNITS", "NO", hrrr, tif], check=True)
    body = (f"<coverageStore><name>hrrr_geotiff</name><type>GeoTIFF</type><enabled>true</enabled>"
            f"<workspace>wx</workspace><url>file:{tif}</url></coverageStore>")
    http("DELETE", "/rest/workspaces/wx/coveragestores/hrrr_geotiff?recurse=true")
    http("POST", "/rest/workspaces/wx/coveragestores", body)
    # GDAL's CRS of the GRIB (its own sphere datum) has no EPSG code: declare one, as a stock user must
    http("POST", "/rest/workspaces/wx/coveragestores/hrrr_geotiff/coverages", "<coverage><name>HRRR_TMP_GEOTIFF</name>"
         "<nativeCoverageName>hrrr-tmp</nativeCoverageName><srs>EPSG:4326</srs>"
         "<projectionPolicy>REPROJECT_TO_DECLARED</projectionPolicy></coverage>")
    bbox = bbox3857(-125, 25, -67, 50)
    s1, ours, _ = getmap("wx:HRRR_TMP_GEOTIFF", "e2e_wx_classes", bbox, size, "EPSG:3857")
    s2, stock, _ = getmap("wx:HRRR_TMP_GEOTIFF", "e2e_colormap", bbox, size, "EPSG:3857")
    ok = ours[:4] == stock[:4] == b"\x89PNG"
    near, exact = base.agreement(rgba(ours), rgba(stock)) if ok else (0, 0)
    check(ok and near > 0.98, "a stock GeoTIFF layer styled with wx: = GeoServer's own rendering of the same classes",
          f"{near:.4f} within 1 px, {exact:.4f} exactly" if ok else ours[:300].decode(errors="replace"))

    print(f"\n{len(base.failures)} failed" if base.failures else "\nall passed", flush=True)
    return 1 if base.failures else 0


if __name__ == "__main__":
    sys.exit(main())

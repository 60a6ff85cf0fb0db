#!/usr/bin/env python3
"""Creates the benchmark's layers through GeoServer's REST API, as an administrator would.

Usage: provision.py ours|stock GEOSERVER_URL WORK_DIR [REDIS_HOST:PORT]

ours:  Weather GRIB2 stores on WORK_DIR/weather (hrrr, nam), layers wx:t2m and wx:wind10 with TIME, wx: styles
       (bench_ramp, bench_isolines, bench_barbs), GWC tile layers in the Redis blob store with the weather TIME filter.
stock: ImageMosaic stores on WORK_DIR/geotiff (t2m, wind10) with TIME from the file names, stock styles (a ColorMap,
       ras:Contour, ras:RasterAsPointCollection with windbarbs://), GWC tile layers in GWC's file store with a TIME
       filter listing the times. Both sides: EPSG:900913 and EPSG:4326 gridsets, 4x4 metatiles, PNG, the same style per kind.
"""
import base64, os, re, sys, urllib.error, urllib.request

AUTH = "Basic " + base64.b64encode(b"admin:geoserver").decode()
GEOMETRY = "".join(
    f'<ogc:Function name="parameter"><ogc:Literal>{p}</ogc:Literal><ogc:Function name="env">'
    f'<ogc:Literal>{e}</ogc:Literal></ogc:Function></ogc:Function>'
    for p, e in (("outputBBOX", "wms_bbox"), ("outputWidth", "wms_width"), ("outputHeight", "wms_height")))
SLD_HEAD = ('<?xml version="1.0" encoding="UTF-8"?><StyledLayerDescriptor version="1.0.0" '
            'xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" '
            'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<NamedLayer><Name>{name}</Name><UserStyle><Title>{title}</Title>')
SLD_TAIL = "</UserStyle></NamedLayer></StyledLayerDescriptor>"
# The 20 classes of the temperature ColorMap (K) used by the stock side; ours draws 20 steps over the same range.
BREAKS = [220, 224, 228, 232, 236, 240, 244, 248, 252, 256, 260, 264, 268, 272, 276, 280, 284, 290, 300, 320]
COLORS = ["#2c0a5e", "#3b1f8f", "#2f4fb5", "#2673c9", "#2d97cf", "#3fb8c8", "#5ccfb0", "#84dc8d", "#b0e36c",
          "#d8e552", "#f5d846", "#fbb33d", "#f78b35", "#ea612d", "#d73a26", "#b81e24", "#931028", "#6e0a2b",
          "#4a0629", "#2a0320"]


def http(gs, method, path, body=None, ctype="text/xml"):
    req = urllib.request.Request(gs + path, data=body.encode() if isinstance(body, str) else body, method=method)
    req.add_header("Authorization", AUTH)
    if body is not None:
        req.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(req, timeout=300) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def must(result, what, ok=(200, 201)):
    status, body = result
    if status not in ok:
        sys.exit(f"provision: {what}: HTTP {status} {body[:400]!r}")
    return body


def wx_style(name, title, function, params):
    p = "".join(f'<ogc:Function name="parameter"><ogc:Literal>{k}</ogc:Literal><ogc:Literal>{v}</ogc:Literal>'
                f'</ogc:Function>' for k, v in params.items())
    return (SLD_HEAD.format(name=name, title=title) + "<FeatureTypeStyle><Transformation>"
            f'<ogc:Function name="wx:{function}"><ogc:Function name="parameter"><ogc:Literal>data</ogc:Literal>'
            f"</ogc:Function>{p}{GEOMETRY}</ogc:Function></Transformation><Rule><RasterSymbolizer><Opacity>1.0"
            "</Opacity></RasterSymbolizer></Rule></FeatureTypeStyle>" + SLD_TAIL)


def colormap_style():
    entries = "".join(f'<ColorMapEntry color="{c}" quantity="{q}"/>' for c, q in zip(COLORS, BREAKS))
    return (SLD_HEAD.format(name="stock_colormap", title="Temperature classes (K)")
            + f'<FeatureTypeStyle><Rule><RasterSymbolizer><ColorMap type="intervals">{entries}</ColorMap>'
            "</RasterSymbolizer></Rule></FeatureTypeStyle>" + SLD_TAIL)


def contour_style():
    levels = "".join(f"<ogc:Literal>{v}</ogc:Literal>" for v in range(230, 320, 2))
    return (SLD_HEAD.format(name="stock_contour", title="ras:Contour every 2 K, labelled")
            + '<FeatureTypeStyle><Transformation><ogc:Function name="ras:Contour">'
            '<ogc:Function name="parameter"><ogc:Literal>data</ogc:Literal></ogc:Function>'
            f'<ogc:Function name="parameter"><ogc:Literal>levels</ogc:Literal>{levels}</ogc:Function>'
            "</ogc:Function></Transformation><Rule><LineSymbolizer><Stroke>"
            '<CssParameter name="stroke">#202020</CssParameter><CssParameter name="stroke-width">1.2</CssParameter>'
            "</Stroke></LineSymbolizer><TextSymbolizer><Label><ogc:PropertyName>value</ogc:PropertyName></Label>"
            '<Font><CssParameter name="font-size">10</CssParameter></Font><LabelPlacement><LinePlacement/>'
            "</LabelPlacement><Halo><Radius>1.5</Radius></Halo></TextSymbolizer></Rule></FeatureTypeStyle>"
            + SLD_TAIL)


def barbs_style():
    """GeoServer's documented way to draw wind barbs: raster cells as points, windbarbs:// marks (u is the first band,
    GRAY_INDEX, v the second, Band2, as GeoServer names the bands of a GeoTIFF)."""
    speed = ('<ogc:Function name="sqrt"><ogc:Add><ogc:Mul><ogc:PropertyName>GRAY_INDEX</ogc:PropertyName>'
             "<ogc:PropertyName>GRAY_INDEX</ogc:PropertyName></ogc:Mul><ogc:Mul><ogc:PropertyName>Band2</ogc:PropertyName>"
             "<ogc:PropertyName>Band2</ogc:PropertyName></ogc:Mul></ogc:Add></ogc:Function>")
    direction = ('<ogc:Add><ogc:Literal>180</ogc:Literal><ogc:Function name="toDegrees"><ogc:Function name="atan2">'
                 "<ogc:PropertyName>GRAY_INDEX</ogc:PropertyName><ogc:PropertyName>Band2</ogc:PropertyName>"
                 "</ogc:Function></ogc:Function></ogc:Add>")
    return (SLD_HEAD.format(name="stock_barbs", title="Wind barbs (RasterAsPointCollection + windbarbs)")
            + '<FeatureTypeStyle><Transformation><ogc:Function name="ras:RasterAsPointCollection">'
            '<ogc:Function name="parameter"><ogc:Literal>data</ogc:Literal></ogc:Function>'
            # the raster is read at the map's resolution: one barb per 32 pixels, as wx:WindBarbs spaces them
            '<ogc:Function name="parameter"><ogc:Literal>scale</ogc:Literal><ogc:Literal>0.03125</ogc:Literal>'
            "</ogc:Function></ogc:Function></Transformation><Rule><PointSymbolizer><Graphic><Mark><WellKnownName>"
            f"windbarbs://default(<ogc:Mul>{speed}<ogc:Literal>1.9438445</ogc:Literal></ogc:Mul>)[kts]"
            '</WellKnownName><Stroke><CssParameter name="stroke">#202020</CssParameter>'
            '<CssParameter name="stroke-width">1</CssParameter></Stroke></Mark><Size>24</Size>'
            f"<Rotation>{direction}</Rotation></Graphic></PointSymbolizer></Rule></FeatureTypeStyle>" + SLD_TAIL)


def tile_layer(name, blobstore, time_filter):
    return (f"<GeoServerLayer><enabled>true</enabled><name>{name}</name>"
            "<mimeFormats><string>image/png</string></mimeFormats>"
            "<gridSubsets><gridSubset><gridSetName>EPSG:900913</gridSetName></gridSubset>"
            "<gridSubset><gridSetName>EPSG:4326</gridSetName></gridSubset></gridSubsets>"
            "<metaWidthHeight><int>4</int><int>4</int></metaWidthHeight><expireCache>0</expireCache>"
            "<parameterFilters><styleParameterFilter><key>STYLES</key><defaultValue></defaultValue>"
            f"</styleParameterFilter>{time_filter}</parameterFilters><gutter>0</gutter>"
            f"{blobstore}</GeoServerLayer>")


def style(gs, name, sld):
    http(gs, "DELETE", f"/rest/workspaces/wx/styles/{name}?purge=true&recurse=true")
    must(http(gs, "POST", f"/rest/workspaces/wx/styles?name={name}", sld, "application/vnd.ogc.sld+xml"),
         f"style {name}")


def layer_styles(gs, layer, default, others):
    extra = "".join(f"<style><name>wx:{s}</name></style>" for s in others)
    must(http(gs, "PUT", f"/rest/layers/wx:{layer}",
              f"<layer><defaultStyle><name>wx:{default}</name></defaultStyle><styles>{extra}</styles></layer>"),
         f"styles of {layer}")


def time_dimension(gs, store, layer):
    body = ('<coverage><enabled>true</enabled><metadata><entry key="time"><dimensionInfo><enabled>true</enabled>'
            "<presentation>LIST</presentation><units>ISO8601</units><defaultValue><strategy>MAXIMUM</strategy>"
            "</defaultValue></dimensionInfo></entry></metadata></coverage>")
    must(http(gs, "PUT", f"/rest/workspaces/wx/coveragestores/{store}/coverages/{layer}", body), f"TIME of {layer}")


def ours(gs, work, redis):
    http(gs, "POST", "/rest/workspaces", "<workspace><name>wx</name></workspace>")
    for name in ("hrrr", "nam"):
        http(gs, "DELETE", f"/rest/workspaces/wx/coveragestores/{name}?recurse=true")
        body = (f"<coverageStore><name>{name}</name><type>Weather GRIB2</type><enabled>true</enabled>"
                f"<workspace>wx</workspace><url>file:{os.path.join(work, 'weather', name)}</url></coverageStore>")
        must(http(gs, "POST", "/rest/workspaces/wx/coveragestores", body), f"store {name}")
    for store, coverage, layer in (("hrrr", "TMP_SFC", "t2m"), ("nam", "WIND_HTGL", "wind10")):
        must(http(gs, "POST", f"/rest/workspaces/wx/coveragestores/{store}/coverages",
                  f"<coverage><name>{layer}</name><nativeCoverageName>{coverage}</nativeCoverageName></coverage>"),
             f"layer {layer}")
        time_dimension(gs, store, layer)
    style(gs, "bench_ramp", wx_style("bench_ramp", "Temperature, 20 steps", "ColorRamp",
                                     {"palette": "temperature", "units": "K", "min": "220", "max": "320",
                                      "steps": "20"}))
    style(gs, "bench_isolines", wx_style("bench_isolines", "Isotherms every 2 K, labelled", "Isolines",
                                         {"interval": "2", "base": "230", "units": "K"}))
    style(gs, "bench_barbs", wx_style("bench_barbs", "Wind barbs (kt)", "WindBarbs", {}))
    layer_styles(gs, "t2m", "bench_ramp", ["bench_isolines"])
    layer_styles(gs, "wind10", "bench_barbs", [])
    store = (f'<RedisBlobStore default="false"><id>redis</id><enabled>true</enabled><topology>STANDALONE</topology>'
             f"<nodes>{redis}</nodes><keyPrefix>bench</keyPrefix></RedisBlobStore>")
    must(http(gs, "PUT", "/gwc/rest/blobstores/redis.xml", store), "Redis blob store")
    for layer in ("t2m", "wind10"):
        f = (f"<weatherDimensionParameterFilter><key>TIME</key><layer>wx:{layer}</layer>"
             "</weatherDimensionParameterFilter>")
        must(http(gs, "PUT", f"/gwc/rest/layers/wx:{layer}.xml",
                  tile_layer(f"wx:{layer}", "<blobStoreId>redis</blobStoreId>", f)), f"tile layer {layer}")


def stock(gs, work):
    http(gs, "POST", "/rest/workspaces", "<workspace><name>wx</name></workspace>")
    for name in ("t2m", "wind10"):
        d = os.path.join(work, "geotiff", name)
        http(gs, "DELETE", f"/rest/workspaces/wx/coveragestores/{name}?recurse=true&purge=metadata")
        with open(os.path.join(d, "timeregex.properties"), "w") as f:
            f.write("regex=[0-9]{8}T[0-9]{6}\n")
        with open(os.path.join(d, "indexer.properties"), "w") as f:
            f.write("TimeAttribute=time\nSchema=*the_geom:Polygon,location:String,time:java.util.Date\n"
                    "PropertyCollectors=TimestampFileNameExtractorSPI[timeregex](time)\n")
        body = (f"<coverageStore><name>{name}</name><type>ImageMosaic</type><enabled>true</enabled>"
                f"<workspace>wx</workspace><url>file:{d}</url></coverageStore>")
        must(http(gs, "POST", "/rest/workspaces/wx/coveragestores", body), f"ImageMosaic {name}")
        # the Lambert grids have no EPSG code: declared EPSG:4326, as our stores declare it by themselves
        must(http(gs, "POST", f"/rest/workspaces/wx/coveragestores/{name}/coverages",
                  f"<coverage><name>{name}</name><nativeCoverageName>{name}</nativeCoverageName>"
                  "<srs>EPSG:4326</srs><projectionPolicy>REPROJECT_TO_DECLARED</projectionPolicy></coverage>"),
             f"layer {name}")
        time_dimension(gs, name, name)
    style(gs, "stock_colormap", colormap_style())
    style(gs, "stock_contour", contour_style())
    style(gs, "stock_barbs", barbs_style())
    layer_styles(gs, "t2m", "stock_colormap", ["stock_contour"])
    layer_styles(gs, "wind10", "stock_barbs", [])
    for layer in ("t2m", "wind10"):
        times = sorted(re.search(r"(\d{8}T\d{6})", f).group(1) for f in os.listdir(os.path.join(work, "geotiff", layer))
                       if f.endswith(".tif"))
        iso = [f"{t[0:4]}-{t[4:6]}-{t[6:8]}T{t[9:11]}:{t[11:13]}:{t[13:15]}.000Z" for t in times]
        # listed values, so that WMTS capabilities offer them (as the weather filter does on our side)
        f = (f"<stringParameterFilter><key>TIME</key><defaultValue>{iso[-1]}</defaultValue><values>"
             + "".join(f"<string>{v}</string>" for v in iso) + "</values></stringParameterFilter>")
        must(http(gs, "PUT", f"/gwc/rest/layers/wx:{layer}.xml", tile_layer(f"wx:{layer}", "", f)),
             f"tile layer {layer}")


if __name__ == "__main__":
    side, gs, work = sys.argv[1:4]
    if side == "ours":
        ours(gs, work, sys.argv[4] if len(sys.argv) > 4 else "127.0.0.1:6385")
    else:
        stock(gs, work)
    print(f"provisioned {side} at {gs}")

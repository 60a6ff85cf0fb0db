#!/usr/bin/env python3
"""End-to-end checks of what bin/start --nodes 2 serves, through the clients people use.

Usage: e2e_start.py SETTINGS_JSON   (written by bin/e2e-start: URLs, Redis, WX_DATA, admin password, output dir)

Everything goes through public interfaces: WMS/WMTS/GWC REST/GeoServer REST over nginx or a node, GDAL, OWSLib,
QGIS (qgis_client.py, its own process), the viewer in headless Chromium (viewer_test.js), Redis keys read with
redis-cli. Reference values come from bin/wx (render, locate) on the same files. One line per check: ok or FAIL.
"""
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import numpy as np
from osgeo import gdal

gdal.UseExceptions()
S = json.load(open(sys.argv[1]))
GS, NODES, OUT, ROOT, WX_DATA = S["url"], S["nodes"], S["out"], S["root"], S["wx_data"]
AUTH = "Basic " + base64.b64encode(f"admin:{S['admin_password']}".encode()).decode()
WX = os.path.join(ROOT, "bin", "wx")
E2E = os.path.dirname(os.path.abspath(__file__))
SLD = os.path.join(ROOT, "gs-weather-plugin", "weather-geoserver", "src", "e2e", "colormap-temperature.sld")
failures = []
results = {}


def check(ok, what, detail=""):
    print(("ok   " if ok else "FAIL ") + what + (": " + detail if detail else ""), flush=True)
    if not ok:
        failures.append(what)
    return ok


def http(method, url, body=None, ctype="text/xml", auth=True, headers=None):
    url = url if url.startswith("http") else GS + url
    req = urllib.request.Request(url, data=body.encode() if isinstance(body, str) else body, method=method)
    if auth:
        req.add_header("Authorization", AUTH)
    if body is not None:
        req.add_header("Content-Type", ctype)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=300) as r:
            return r.status, r.read(), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read(), dict(e.headers)


def redis(*args):
    r = subprocess.run(["redis-cli", "-p", str(S["redis_port"]), "--no-auth-warning", "-a", S["redis_password"],
                        *args], capture_output=True, text=True, check=True)
    return r.stdout


def wx(*args):
    return subprocess.run([WX, *args], check=True, capture_output=True, text=True).stdout


def png_rgba(data):
    path = os.path.join(OUT, "_tmp.png")
    with open(path, "wb") as f:
        f.write(data)
    ds = gdal.Open(path)
    bands = [ds.GetRasterBand(i + 1).ReadAsArray() for i in range(ds.RasterCount)]
    if len(bands) == 1:
        ct = ds.GetRasterBand(1).GetColorTable()
        if ct is None:
            return np.dstack([bands[0]] * 3 + [np.full_like(bands[0], 255)])
        lut = np.array([ct.GetColorEntry(i) for i in range(ct.GetCount())], dtype=np.uint8)
        return lut[bands[0]]
    if len(bands) == 2:
        return np.dstack([bands[0], bands[0], bands[0], bands[1]])
    if len(bands) == 3:
        return np.dstack(bands + [np.full_like(bands[0], 255)])
    return np.dstack(bands)


def agreement(a, b):
    """Share of pixels of a whose colour (alpha 0 = nothing) is in the 3x3 neighbourhood of the same pixel of b."""
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
    return float(match.mean())


def wmts_caps(base=GS):
    s, b, _ = http("GET", base + "/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetCapabilities&VERSION=1.0.0", auth=False)
    return b.decode()


def wmts_layer(caps, name):
    i = caps.find(f"<ows:Identifier>{name}</ows:Identifier>")
    start = caps.rfind("<Layer>", 0, i)
    return caps[start:caps.find("</Layer>", i)]


def wmts_dims(segment):
    return {m.group(1): re.findall(r"<Value>([^<]*)</Value>", m.group(0))
            for m in re.finditer(r"<Dimension>\s*<ows:Identifier>([^<]+)</ows:Identifier>.*?</Dimension>", segment,
                                 re.S)}


def wms_dims(base, layer, defaults=False):
    """A layer's WMS 1.3.0 dimensions: name -> values, or with defaults=True name -> default."""
    s, b, _ = http("GET", base + "/wms?service=WMS&version=1.3.0&request=GetCapabilities", auth=False)
    if s != 200:
        return {}
    root = ET.fromstring(b)
    for l in root.iter("{http://www.opengis.net/wms}Layer"):
        n = l.find("{http://www.opengis.net/wms}Name")
        if n is not None and n.text == layer:
            return {d.attrib["name"].lower(): d.attrib.get("default") if defaults
                    else [v.strip() for v in (d.text or "").split(",") if v.strip()]
                    for d in l.findall("{http://www.opengis.net/wms}Dimension")}
    return {}


def tile_limits(segment, matrix_set, z):
    m = re.search(r"<TileMatrixLimits>\s*<TileMatrix>" + re.escape(f"{matrix_set}:{z}") +
                  r"</TileMatrix>\s*<MinTileRow>(\d+)</MinTileRow>\s*<MaxTileRow>(\d+)</MaxTileRow>\s*"
                  r"<MinTileCol>(\d+)</MinTileCol>\s*<MaxTileCol>(\d+)</MaxTileCol>", segment)
    return tuple(int(v) for v in m.groups())


def get_tile(base, layer, z, row, col, style="", **dims):
    q = {"SERVICE": "WMTS", "REQUEST": "GetTile", "VERSION": "1.0.0", "LAYER": layer, "STYLE": style,
         "TILEMATRIXSET": "EPSG:900913", "TILEMATRIX": f"EPSG:900913:{z}", "TILEROW": row, "TILECOL": col,
         "FORMAT": "image/png", **dims}
    return http("GET", base + "/gwc/service/wmts?" + urllib.parse.urlencode(q), auth=False)


def enc(s):
    return "".join(c if c.isalnum() or c in "._~" else "%%%02X" % b for c in s for b in c.encode())


def layer_tiles(layer_id, parameters_id):
    """(z, x, y) of every tile key of one cache of a layer in Redis (EPSG:900913, image/png)."""
    pattern = f"wx:t:{{{enc(layer_id)}:{enc('EPSG:900913')}:{enc('image/png')}:{parameters_id}:*"
    keys = redis("--scan", "--pattern", pattern).split()
    return {tuple(int(v) for v in k.rsplit(":", 3)[1:]) for k in keys}


def parameters_ids(layer_id):
    """parameters id -> {name: value} of a layer's caches in Redis."""
    raw = redis("hgetall", f"wx:l:{{{enc(layer_id)}}}:params").split("\n")
    pairs = [p for p in raw if p != ""]
    out = {}
    for pid, encoded in zip(pairs[0::2], pairs[1::2]):
        out[pid] = dict(urllib.parse.parse_qsl(encoded, keep_blank_values=True))
    return out


def wait_seeding(layer, timeout=600):
    t0 = time.time()
    while time.time() - t0 < timeout:
        s, b, _ = http("GET", NODES[0] + f"/gwc/rest/seed/{layer}.json")
        if s == 200 and not json.loads(b).get("long-array-array"):
            return time.time() - t0
        time.sleep(1)
    return None


def seed(layer, kind, z0, z1, **parameters):
    entries = "".join(f"<entry><string>{k}</string><string>{v}</string></entry>" for k, v in parameters.items())
    body = (f"<seedRequest><name>{layer}</name><gridSetId>EPSG:900913</gridSetId><zoomStart>{z0}</zoomStart>"
            f"<zoomStop>{z1}</zoomStop><format>image/png</format><type>{kind}</type><threadCount>2</threadCount>"
            f"<parameters>{entries}</parameters></seedRequest>")
    s, b, _ = http("POST", NODES[0] + f"/gwc/rest/seed/{layer}.xml", body)
    return s


# ---------------------------------------------------------------------------------------------------------------
def startup_and_catalog():
    s, _, _ = http("GET", "/rest/workspaces.json")
    s_default = urllib.request.Request(GS + "/rest/workspaces.json")
    s_default.add_header("Authorization", "Basic " + base64.b64encode(b"admin:geoserver").decode())
    try:
        default_status = urllib.request.urlopen(s_default, timeout=30).status
    except urllib.error.HTTPError as e:
        default_status = e.code
    check(s == 200 and default_status == 401, "admin password from GEOSERVER_ADMIN_PASSWORD; admin/geoserver refused",
          f"{s} with it, {default_status} with geoserver")
    caps = wmts_caps()
    names = sorted(set(re.findall(r"<ows:Identifier>(wx:[^<]+)</ows:Identifier>", caps)))
    check(len(names) == 20, "WMTS capabilities list the 20 sample layers", ", ".join(n[3:] for n in names))
    air = wmts_dims(wmts_layer(caps, "wx:NCEP_AIR"))
    gfs = wmts_dims(wmts_layer(caps, "wx:GFS_TMP_ISBL"))
    nam = wmts_dims(wmts_layer(caps, "wx:NAM_TMP_ISBL"))
    check(len(air.get("TIME", [])) == 124 and len(gfs.get("ELEVATION", [])) == 26
          and len(nam.get("DIM_REFERENCE_TIME", [])) == 2,
          "WMTS dimensions from the weather filters: NCEP_AIR 124 times, GFS_TMP_ISBL 26 levels, NAM 2 runs",
          f"{len(air.get('TIME', []))} / {len(gfs.get('ELEVATION', []))} / {len(nam.get('DIM_REFERENCE_TIME', []))}")
    dims = wms_dims(GS, "wx:NAM_TMP_ISBL")
    check({"time", "elevation", "reference_time"} <= set(dims), "WMS 1.3.0 capabilities: TIME, ELEVATION, "
          "REFERENCE_TIME of a model layer", ", ".join(f"{k} {len(v)}" for k, v in dims.items()))
    # wind on pressure levels opens at the jet stream (its default style draws isotachs from 50 kt)
    jets = ("wx:GFS_WIND_ISBL", "wx:NAM_WIND_ISBL")
    wms_default = {n: wms_dims(GS, n, defaults=True).get("elevation") for n in jets + ("wx:GFS_TMP_ISBL",)}
    wmts_default = {n: re.search(r"<ows:Identifier>ELEVATION</ows:Identifier>.*?<Default>([^<]*)</Default>",
                                 wmts_layer(caps, n), re.S).group(1) for n in jets}
    getmap = ("/wms?service=WMS&version=1.3.0&request=GetMap&layers=wx:GFS_WIND_ISBL&styles=&crs=EPSG:4326"
              "&bbox=-90,-180,90,180&width=400&height=200&format=image/png")
    maps = {level: http("GET", getmap + level, auth=False)[1] for level in ("", "&ELEVATION=250", "&ELEVATION=1000")}
    check(all(float(wms_default.get(n) or "nan") == 250 and float(wmts_default[n] or "nan") == 250 for n in jets)
          and float(wms_default.get("wx:GFS_TMP_ISBL") or "nan") == 1000
          and maps[""][:4] == b"\x89PNG" and maps[""] == maps["&ELEVATION=250"] and maps[""] != maps["&ELEVATION=1000"],
          "wind on pressure levels opens at 250 hPa (WMS and WMTS default, GetMap without ELEVATION = 250 hPa); "
          "temperature at 1000 hPa",
          ", ".join(f"{n[3:]} {wms_default.get(n)}/{wmts_default.get(n, '-')}" for n in jets + ("wx:GFS_TMP_ISBL",)))
    results["air_times"] = air["TIME"]
    nodes_seen = set()
    for _ in range(6):
        _, _, h = http("GET", "/wms?service=WMS&version=1.3.0&request=GetCapabilities", auth=False)
        nodes_seen.add(h.get("X-GeoServer-Node"))
    check(len(nodes_seen) == 2, "nginx spreads OWS requests over both nodes (round robin)", ", ".join(sorted(nodes_seen)))
    # every layer draws a tile through WMTS (its default time, level, run and style)
    drawn = []
    import math
    for name in names:
        seg = wmts_layer(caps, name)
        z = 3
        lower, upper = re.search(r"<ows:WGS84BoundingBox>\s*<ows:LowerCorner>([^<]+)</ows:LowerCorner>\s*"
                                 r"<ows:UpperCorner>([^<]+)</ows:UpperCorner>", seg).groups()
        x0, y0 = (float(v) for v in lower.split())
        x1, y1 = (float(v) for v in upper.split())
        # GOES-West's CONUS sector crosses the antimeridian: its lon/lat box spans the globe
        lon, lat = (-120.0, 38.0) if x1 - x0 > 300 and name == "wx:GOES_C04" else ((x0 + x1) / 2, (y0 + y1) / 2)
        lat = max(-80.0, min(80.0, lat))
        col = int((lon + 180) / 360 * (1 << z))
        row = int((1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * (1 << z))
        s, b, h = get_tile(GS, name, z, row, col)
        visible = float((png_rgba(b)[..., 3] > 0).mean()) if s == 200 and b[:4] == b"\x89PNG" else 0.0
        drawn.append((name, s, visible))
    bad = [f"{n} ({s}, {v:.2f})" for n, s, v in drawn if s != 200 or v <= 0]
    check(not bad, "every layer draws a WMTS tile over its area (zoom 3, the tile at the middle of its extent)",
          "; ".join(bad) if bad else f"{len(drawn)} layers, {min(v for _, _, v in drawn):.2f}-"
                                     f"{max(v for _, _, v in drawn):.2f} of the pixels drawn")


def shared_cache():
    a, b = NODES
    t = results["air_times"][10]
    s1, _, h1 = get_tile(a, "wx:NCEP_AIR", 4, 4, 3, TIME=t)
    s2, _, h2 = get_tile(b, "wx:NCEP_AIR", 4, 4, 3, TIME=t)
    check(h1.get("geowebcache-cache-result") == "MISS" and h2.get("geowebcache-cache-result") == "HIT",
          "a tile rendered through node 1 is a HIT through node 2", f"node 1 {h1.get('geowebcache-cache-result')}, "
          f"node 2 {h2.get('geowebcache-cache-result')}")
    # node 2 now holds it in GWC's memory store too: a delete in Redis alone (no node told) does not reach it ...
    lid = "LayerInfoImpl-wx-NCEP_AIR"
    pid = next(p for p, v in parameters_ids(lid).items() if v.get("TIME") == t)
    redis("del", *[f"wx:t:{{{enc(lid)}:{enc('EPSG:900913')}:{enc('image/png')}:{pid}:{s}}}:4:3:{15 - 4}"
                   for s in range(8)])
    _, _, h3 = get_tile(b, "wx:NCEP_AIR", 4, 4, 3, TIME=t)
    # ... a truncation through node 1 does
    st, body, _ = http("POST", a + "/gwc/rest/masstruncate",
                       "<truncateLayer><layerName>wx:NCEP_AIR</layerName></truncateLayer>")
    t0 = time.time()
    # node 2 hears of it over Redis pub/sub, milliseconds later: poll until it answers a MISS (at most 2 s)
    while True:
        _, _, h4 = get_tile(b, "wx:NCEP_AIR", 4, 4, 3, TIME=t)
        if h4.get("geowebcache-cache-result") == "MISS" or time.time() - t0 > 2:
            break
        time.sleep(0.02)
    check(h3.get("geowebcache-cache-result") == "HIT" and st == 200 and h4.get("geowebcache-cache-result") == "MISS",
          "node 2's in-memory tile cache: kept when Redis alone lost the tile, dropped when node 1 truncated the layer",
          f"after DEL in Redis {h3.get('geowebcache-cache-result')}, after truncation through node 1 "
          f"{h4.get('geowebcache-cache-result')} ({time.time() - t0:.2f} s later)")
    # a configuration change through node 1 reaches node 2 without a restart
    title = f"NCEP air temperature, changed through node 1 at {time.strftime('%H:%M:%S')}"
    st, _, _ = http("PUT", a + "/rest/workspaces/wx/coveragestores/cf/coverages/NCEP_AIR",
                    f"<coverage><title>{title}</title></coverage>")
    t0 = time.time()
    seen = None
    while time.time() - t0 < 30:
        _, caps, _ = http("GET", b + "/wms?service=WMS&version=1.3.0&request=GetCapabilities", auth=False)
        if title.encode() in caps:  # (a 500 while node 2 reloads has no title: poll on)
            seen = time.time() - t0
            break
        time.sleep(0.2)
    check(st == 200 and seen is not None, "a layer changed through node 1 (REST) is served changed by node 2 without "
          "a restart", f"node 2's capabilities had the new title {seen:.1f} s later" if seen else "not within 30 s")
    results["config_sync_seconds"] = seen
    reload_blip()


def reload_blip():
    """Requests while node 2 reloads a change made through node 1: to node 2 directly, and through nginx."""
    import threading
    t = results["air_times"][11]
    get_tile(GS, "wx:NCEP_AIR", 4, 4, 4, TIME=t)  # cached: what tile requests mostly are
    outcome = {"node 2": [], "nginx": []}
    stop = time.time() + 6

    def hammer(where, base):
        while time.time() < stop:
            s1, _, _ = get_tile(base, "wx:NCEP_AIR", 4, 4, 4, TIME=t)
            s2, _, _ = http("GET", base + "/wms?service=WMS&version=1.3.0&request=GetCapabilities", auth=False)
            outcome[where] += [s1, s2]

    threads = [threading.Thread(target=hammer, args=(w, b)) for w, b in (("node 2", NODES[1]), ("nginx", GS))
               for _ in range(2)]
    for th in threads:
        th.start()
    time.sleep(1)
    http("PUT", NODES[0] + "/rest/workspaces/wx/coveragestores/cf/coverages/NCEP_AIR",
         f"<coverage><abstract>changed at {time.time()}</abstract></coverage>")
    for th in threads:
        th.join()
    failed = {w: sum(1 for s in v if s != 200) for w, v in outcome.items()}
    statuses = {w: sorted({s for s in v if s != 200}) for w, v in outcome.items()}
    server_errors = sum(1 for v in outcome["nginx"] if v >= 500)
    check(server_errors == 0 and failed["node 2"] >= failed["nginx"],
          "while node 2 reloads a change made through node 1, no server error reaches a client through nginx (a 500 "
          "of the reloading node is retried on the other node)",
          f"node 2 directly: {failed['node 2']} of {len(outcome['node 2'])} requests failed {statuses['node 2']}; "
          f"through nginx: {failed['nginx']} of {len(outcome['nginx'])} {statuses['nginx']} (a 400 is GWC's answer "
          "to a tile request during its reinitialisation, which nginx cannot retry)")
    results["reload_blip"] = {w: [failed[w], len(v)] for w, v in outcome.items()}


def seeding_and_truncation():
    caps = wmts_caps()
    seg = wmts_layer(caps, "wx:NCEP_AIR")
    t1, t2 = results["air_times"][20], results["air_times"][21]
    lid = "LayerInfoImpl-wx-NCEP_AIR"
    expected = {}
    for t, z1 in ((t1, 5), (t2, 3)):
        exp = set()
        for z in range(0, z1 + 1):
            r0, r1, c0, c1 = tile_limits(seg, "EPSG:900913", z)
            exp |= {(z, c, (1 << z) - 1 - r) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        expected[t] = exp
    # a seed request must name a value for every parameter filter of the layer (GWC 1.26 does not fill in the
    # defaults), else its tiles go to a cache no client reads: STYLES is the layer's default style here
    _, b, _ = http("GET", NODES[0] + "/rest/layers/wx:NCEP_AIR.json")
    style = json.loads(b)["layer"]["defaultStyle"]["name"].split(":")[-1]
    s1 = seed("wx:NCEP_AIR", "seed", 0, 5, TIME=t1, STYLES=style)
    s2 = seed("wx:NCEP_AIR", "seed", 0, 3, TIME=t2, STYLES=style)
    took = wait_seeding("wx:NCEP_AIR")
    ids = {v.get("TIME"): p for p, v in parameters_ids(lid).items() if v.get("STYLES") == style}
    got1 = layer_tiles(lid, ids.get(t1, "?"))
    got2 = layer_tiles(lid, ids.get(t2, "?"))
    check(s1 == 200 and s2 == 200 and got1 == expected[t1] and got2 == expected[t2],
          "GWC REST seeding z0-5 (and z0-3) of NCEP_AIR for one TIME fills Redis with exactly those tiles",
          f"{len(got1)} tiles for TIME={t1} (WMTS TileMatrixLimits: {len(expected[t1])}), {len(got2)} for {t2} "
          f"({len(expected[t2])}), STYLES={style}, in {took:.1f} s" if took else "seeding did not finish")
    results["seeded_tiles"] = len(got1)
    _, _, h = get_tile(NODES[1], "wx:NCEP_AIR", 5, 7, 6, TIME=t1)
    check(h.get("geowebcache-cache-result") == "HIT", "a seeded tile is a HIT for a client through the other node",
          h.get("geowebcache-cache-result", ""))
    s = seed("wx:NCEP_AIR", "truncate", 0, 5, TIME=t1, STYLES=style)
    wait_seeding("wx:NCEP_AIR")
    deadline = time.time() + 60
    while time.time() < deadline and layer_tiles(lid, ids[t1]):
        time.sleep(0.5)
    left1, left2 = layer_tiles(lid, ids[t1]), layer_tiles(lid, ids[t2])
    # the client's z5 request for t1 above makes the plugin prefetch the next time (t2) there: those tiles are not
    # part of the seeding, and truncating t1 must leave them too
    prefetched = {k for k in left2 - expected[t2] if k[0] >= 4}
    check(s == 200 and not left1 and left2 - prefetched == expected[t2],
          "truncation by TIME through GWC REST removes exactly that TIME's tiles",
          f"{len(left1)} tiles left for {t1}, {len(left2 & expected[t2])} of {len(expected[t2])} kept for {t2} "
          f"(and {len(prefetched)} prefetched at z4-5)")


def new_run():
    src = os.path.join(S["staging"], "nam.t12z.20260601.awp211.grb2")
    run = "2026-06-01T12:00:00.000Z"
    valid = "2026-06-02T00:00:00.000Z"
    watcher = subprocess.Popen(["node", os.path.join(E2E, "viewer_test.js"), "watch", GS, "wx:NAM_PRMSL", valid],
                               stdout=subprocess.PIPE, text=True, env={**os.environ, "NODE_PATH": S["node_path"]})
    ready = watcher.stdout.readline().strip()
    target_dir = os.path.join(WX_DATA, "grib2", "noaa")
    tmp = os.path.join(target_dir, ".nam.part")
    shutil.copy(src, tmp)
    t0 = time.time()
    os.rename(tmp, os.path.join(target_dir, "nam.t12z.20260601.awp211.grb2"))
    seen = {}
    while time.time() - t0 < 60 and len(seen) < 3:
        for i, node in enumerate(NODES):
            if f"wms{i}" not in seen and run in [v for v in wms_dims(node, "wx:NAM_PRMSL").get("reference_time", [])]:
                seen[f"wms{i}"] = time.time() - t0
        if "wmts" not in seen and run in wmts_dims(wmts_layer(wmts_caps(), "wx:NAM_PRMSL")).get("DIM_REFERENCE_TIME", []):
            seen["wmts"] = time.time() - t0
        time.sleep(0.25)
    check(len(seen) == 3, "a new NAM run copied into the store directory appears in WMS (both nodes) and WMTS "
          "capabilities without a restart", ", ".join(f"{k} after {v:.1f} s" for k, v in sorted(seen.items())))
    out, _ = watcher.communicate(timeout=120)
    check(ready == "ready" and watcher.returncode == 0, "... and in the open viewer's time slider", out.strip()[-300:])


def gdal_and_owslib():
    wmts = f"WMTS:{GS}/gwc/service/wmts?REQUEST=GetCapabilities,layer=wx:GFS_TMP_2M,tilematrixset=EPSG:900913," \
           f"tilematrix=EPSG:900913:2"
    out = os.path.join(OUT, "gdal-wmts-z2.tif")
    env = {**os.environ, "GDAL_DEFAULT_WMS_CACHE_PATH": os.path.join(OUT, "gdalwmscache")}
    # the Web Mercator square: the layer's lon/lat box reaches the poles, which Mercator cannot hold
    r = subprocess.run(["gdal_translate", "-q", "-of", "GTiff", "-projwin", "-20037508.34", "20037508.34",
                        "20037508.34", "-20037508.34", wmts, out], capture_output=True, text=True, env=env)
    ok = r.returncode == 0 and os.path.exists(out)
    if ok:
        ds = gdal.Open(out)
        alpha = ds.GetRasterBand(ds.RasterCount).ReadAsArray()
        detail = (f"{ds.RasterXSize}x{ds.RasterYSize}, {ds.RasterCount} bands, "
                  f"{'EPSG:3857' if '3857' in ds.GetProjection() else ds.GetProjection()[:40]}, "
                  f"{(alpha > 0).mean():.2f} of the pixels drawn")
        ok = ds.RasterXSize == 1024 and (alpha > 0).mean() > 0.9
    check(ok, "gdal_translate of the WMTS tile matrix EPSG:900913:2 to GeoTIFF", detail if ok else r.stderr[:300])
    t = results["air_times"][40]
    wms = (f"WMS:{GS}/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=wx:NCEP_AIR&SRS=EPSG:4326"
           f"&BBOX=-111.25,48.75,-58.75,76.25&TIME={t}&STYLES=e2e-temperature&FORMAT=image/png")
    out = os.path.join(OUT, "gdal-wms-t.tif")
    r = subprocess.run(["gdal_translate", "-q", "-outsize", "420", "220", wms, out], capture_output=True, text=True,
                       env=env)
    check(r.returncode == 0 and os.path.getsize(out) > 10000, "gdal_translate through the WMS driver with TIME",
          r.stderr[:200] or f"{os.path.getsize(out)} bytes")
    # GDAL's WCS driver (1.0.0) downloads the whole 2.5 degree grid: its own cells and values (wx decode)
    out = os.path.join(OUT, "gdal-wcs.tif")
    r = subprocess.run(["gdal_translate", "-q", f"WCS:{GS}/wcs?version=1.0.0&coverage=wx:GFS_TMP_2M", out],
                       capture_output=True, text=True, env=env)
    gfs = os.path.join(WX_DATA, "grib2", "pygrib", "gfs.t12z.pgrbf120.2p5deg.grib2")
    field = next(line.split()[0] for line in wx("inspect", gfs).splitlines()
                 if " TMP " in line and "| 2 m (Specified height" in line)
    native = os.path.join(OUT, "gfs-t2m.bin")
    wx("decode", gfs, "--field", field, "--out", native)
    want = np.roll(np.fromfile(native, "<f4").reshape(73, 144), -73, axis=1)  # from 177.5W, as declared
    ok, detail = False, r.stderr[:300]
    if r.returncode == 0:
        ds = gdal.Open(out)
        got = ds.GetRasterBand(1).ReadAsArray()
        gt = ds.GetGeoTransform()
        ok = got.shape == want.shape and np.allclose(gt, (-178.75, 2.5, 0, 91.25, 0, -2.5)) and \
            float(np.abs(got - want).max()) == 0.0
        detail = f"{ds.RasterXSize}x{ds.RasterYSize}, geotransform {gt}"
        ds = None
    check(ok, "gdal_translate through the WCS driver: the GFS grid's cells at 2.5 degrees, values = wx decode", detail)
    from owslib.wms import WebMapService
    from owslib.wmts import WebMapTileService
    w = WebMapService(GS + "/wms", version="1.3.0")
    img = w.getmap(layers=["wx:NCEP_AIR"], styles=["e2e-temperature"], srs="EPSG:4326",
                   bbox=(48.75, -111.25, 76.25, -58.75), size=(420, 220), format="image/png", time=t,
                   transparent=True).read()
    check(len(w["wx:NCEP_AIR"].timepositions) == 124 and img[:4] == b"\x89PNG",
          "OWSLib WMS 1.3.0: 124 time positions, GetMap with TIME", f"{len(img)} bytes")
    m = WebMapTileService(GS + "/gwc/service/wmts")
    tile = m.gettile(layer="wx:GFS_TMP_ISBL", tilematrixset="EPSG:900913", tilematrix="EPSG:900913:2", row=1,
                     column=1, format="image/png", ELEVATION="500", TIME="2011-01-15T12:00:00.000Z").read()
    check(tile[:4] == b"\x89PNG", "OWSLib WMTS GetTile with ELEVATION and TIME", f"{len(tile)} bytes")


def feature_info():
    t_index = 30
    t = results["air_times"][t_index]
    lon, lat = -100.3, 60.7
    q = urllib.parse.urlencode({"SERVICE": "WMS", "VERSION": "1.1.1", "REQUEST": "GetFeatureInfo",
                                "LAYERS": "wx:NCEP_AIR", "QUERY_LAYERS": "wx:NCEP_AIR", "STYLES": "",
                                "SRS": "EPSG:4326", "BBOX": f"{lon - 1},{lat - 1},{lon + 1},{lat + 1}", "WIDTH": 101,
                                "HEIGHT": 101, "X": 50, "Y": 50, "INFO_FORMAT": "application/json", "TIME": t})
    s, b, _ = http("GET", "/wms?" + q, auth=False)
    value = json.loads(b)["features"][0]["properties"]["value"]
    ref = float(re.search(r"value=([-0-9.eE]+)", wx("locate", os.path.join(WX_DATA, "netcdf", "cf", "air.nc"),
                                                     "--variable", "air", "--index", f"time={t_index}",
                                                     str(lon), str(lat))).group(1))
    check(abs(value - ref) < 1e-3, "GetFeatureInfo through nginx = wx locate (NCEP_AIR)", f"{value} vs {ref} K")


def qgis():
    t_index = 12
    t = results["air_times"][t_index]
    bbox = "-111.25,48.75,-58.75,76.25"
    extent = "-20037508.342789244,0,0,20037508.342789244"
    r = subprocess.run(["/usr/bin/python3", os.path.join(E2E, "qgis_client.py"), GS, OUT, "wx:NCEP_AIR",
                        "e2e-temperature", t, bbox, "wx:GFS_TMP_2M", "e2e-temperature", "2011-01-15T12:00:00.000Z",
                        extent, "512x512", "wx:GFS_TMP_2M"], capture_output=True, text=True, env={**os.environ,
                                                                                 "QT_QPA_PLATFORM": "offscreen"})
    line = next((l for l in r.stdout.splitlines() if l.startswith("{")), None)
    if not check(line is not None, "QGIS adds the WMTS and WMS-T layers and renders them", r.stderr[-400:]):
        return
    rep = json.loads(line)
    for kind, file, extra, crs in (("wms", os.path.join(WX_DATA, "netcdf", "cf", "air.nc"),
                                    ["--variable", "air", "--time", t.replace(".000Z", "Z")], "EPSG:4326"),
                                   ("wmts", os.path.join(WX_DATA, "grib2", "pygrib", "gfs.t12z.pgrbf120.2p5deg.grib2"),
                                    ["--field", "217"], "EPSG:3857")):
        e = rep[kind]["extent"]
        ref = os.path.join(OUT, f"wx-render-{kind}.png")
        wx("render", file, *extra, "--style", f"ramp:palette={SLD}", "--bbox", ",".join(f"{v:.6f}" for v in e),
           "--size", "512x512", "--crs", crs, "--out", ref)
        with open(rep[kind]["png"], "rb") as f:
            ours = png_rgba(f.read())
        with open(ref, "rb") as f:
            theirs = png_rgba(f.read())
        drawn = ours[..., 3] > 0
        near = agreement(ours[drawn][None, ...], theirs[drawn][None, ...]) if drawn.any() else 0.0
        near2d = agreement(ours, theirs)
        check(rep[kind]["valid"] and not rep[kind]["render_errors"] and drawn.mean() > 0.2 and near2d > 0.9,
              f"QGIS {'WMS-T (time ' + t + ')' if kind == 'wms' else 'WMTS (TIME dimension)'} map shows the field: "
              "its colours are wx render's", f"{near2d:.3f} of the pixels match wx render within 1 px "
                                             f"({near:.3f} of the drawn ones exactly), {drawn.mean():.2f} drawn; "
                                             f"{rep[kind]['png']}")
    # zoomed out beyond the world: QGIS asks for latitudes beyond 90 degrees; the world is drawn, the rest is not
    t = rep["tall"]
    with open(t["png"], "rb") as f:
        img = png_rgba(f.read())
    x0, y0, x1, y1 = t["extent"]
    rows = img.shape[0]
    lat = y1 - (np.arange(rows) + 0.5) * (y1 - y0) / rows
    drawn = (img[..., 3] > 0).mean(axis=1)
    world = float(drawn[np.abs(lat) < 85].mean())
    # (an isoline label near a pole may overhang 90 degrees by its height: rows past 110 degrees stay clear)
    beyond = float(drawn[np.abs(lat) > 110].mean()) if (np.abs(lat) > 110).any() else 1.0
    check(t["valid"] and not t["render_errors"] and y1 > 90 and world > 0.99 and beyond == 0,
          "QGIS zoomed out beyond the world (wx:GFS_TMP_2M, its wx: style): the world drawn, nothing beyond it",
          f"extent {[round(v, 1) for v in t['extent']]}, {world:.2f} of the world drawn, {beyond:.2f} beyond it; "
          f"errors {t['render_errors']}")


def main():
    # bin/e2e-start added style e2e-temperature (a stock ColorMap both QGIS and wx render draw) to three layers
    startup_and_catalog()
    for step in (shared_cache, seeding_and_truncation, gdal_and_owslib, feature_info, qgis, new_run):
        try:
            step()
        except Exception as e:  # one failing step must not hide the others
            import traceback
            traceback.print_exc()
            check(False, step.__name__, repr(e))
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump({k: v for k, v in results.items() if k != "air_times"}, f, indent=1)
    print(f"\n{len(failures)} failed: {failures}" if failures else "\nall passed", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""End-to-end checks of the metrics endpoint, the early hit path, prefetch and warming in a running GeoServer 2.26
with the weather and Redis blob store plugins, provisioned by src/benchmark/provision.py (layers wx:t2m, wx:wind10
in Redis, TIME from the weather dimension filter).

Usage: e2e_tiles.py GEOSERVER_URL WEATHER_DIR REPO_ROOT

Prints one line per check, 'ok' or 'FAIL'; exits 1 when a check failed.
"""
import json, os, re, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e_common import check, failures, request, rgba  # noqa: E402

GS, WEATHER, ROOT = sys.argv[1:4]
TIMES = None


def http(method, path, body=None, ctype="text/xml", auth=False, headers=None):
    return request(GS, method, path, body, ctype, auth, headers)


def metrics():
    s, b, _ = http("GET", "/rest/wx/metrics", auth=True)
    out = {}
    for line in b.decode().splitlines():
        if line and not line.startswith("#"):
            name, value = line.rsplit(" ", 1)
            out[name] = float(value)
    return out


def metric(name, default=0.0):
    return metrics().get(name, default)


def wait_for(what, condition, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def tile(z, row, col, time_value=None, layer="wx:t2m", base="/gwc/service/wmts", auth=False, headers=None,
         fmt="image/png"):
    q = (f"{base}?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}&STYLE=&TILEMATRIXSET=EPSG:900913"
         f"&TILEMATRIX=EPSG:900913:{z}&TILEROW={row}&TILECOL={col}&FORMAT={fmt}")
    if time_value:
        q += f"&TIME={time_value}"
    return http("GET", q, auth=auth, headers=headers)


EARLY = 'gsweather_tiles_total{path="early",result="hit"}'


def tile_bbox(z, row, col):
    """The EPSG:900913 box of a tile of GWC's EPSG:900913 grid, as a GetMap BBOX."""
    half = 20037508.342789244
    size = 2 * half / 2 ** z
    return f"{-half + col * size},{half - (row + 1) * size},{-half + (col + 1) * size},{half - row * size}"


def headers_of(h):
    return sorted((k.lower(), v) for k, v in h.items() if k.lower() not in ("date",))


def times():
    s, b, _ = http("GET", "/gwc/service/wmts?REQUEST=GetCapabilities")
    x = b.decode()
    i = x.find("<ows:Identifier>wx:t2m</ows:Identifier>")
    seg = x[i:x.find("</Layer>", i)]
    return re.findall(r"<Value>([^<]*)</Value>", seg)


def main():
    # 1. the endpoint
    s, b, h = http("GET", "/rest/wx/metrics")
    check(s == 401, "GET /rest/wx/metrics without credentials is refused (REST security)", f"HTTP {s}")
    s, b, h = http("GET", "/rest/wx/metrics", auth=True)
    check(s == 200 and h.get("Content-Type", "").startswith("text/plain; version=0.0.4")
          and b"gsweather_field_cache_limit_bytes" in b, "GET /rest/wx/metrics as admin: Prometheus text",
          f"HTTP {s} {h.get('Content-Type')}, {len(b)} bytes")
    s, b, h = http("POST", "/rest/wx/reset")
    check(s == 401, "POST /rest/wx/reset without credentials is refused", f"HTTP {s}")
    tile(4, 6, 3)
    s, b, h = http("POST", "/rest/wx/reset", auth=True)
    m = metrics()
    check(s == 200 and b'"metrics":"zeroed"' in b and m.get("gsweather_field_cache_entries", -1) == 0
          and sum(v for k, v in m.items() if k.startswith("gsweather_tiles_total")) == 0,
          "POST /rest/wx/reset empties the field cache and zeroes the meters", b.decode().strip())

    # 2. early hits: the same bytes and headers as GWC's own answer (the workspace URL is left to GWC)
    global TIMES
    TIMES = times()
    t = TIMES[2]
    s1, b1, h1 = tile(5, 12, 7, t)
    before = metric(EARLY)
    s2, b2, h2 = tile(5, 12, 7, t)
    s3, b3, h3 = tile(5, 12, 7, t, base="/wx/gwc/service/wmts")
    wait_for("early hits counted", lambda: metric(EARLY) - before >= 1, 5)  # counted once the tile is written
    early = metric(EARLY) - before
    check(s1 == 200 and h1.get("geowebcache-cache-result") == "MISS", "first request renders (MISS, through GWC)")
    written = metric('gsweather_gwc_tiles_written_total{writer="core"}')
    sg, bg, _ = http("GET", f"/wms?service=WMS&version=1.1.1&request=GetMap&layers=wx:t2m&styles=&bbox={tile_bbox(5, 12, 7)}"
                            f"&width=256&height=256&srs=EPSG:900913&format=image/png&transparent=true&TIME={t}")
    differ = int((rgba(b1) != rgba(bg)).any(axis=2).sum()) if sg == 200 else -1
    check(written >= 1 and b1[25] == 3 and differ == 0,
          "the metatile's tiles are written by the render core's PNG encoder: indexed, the pixels of the same tile's"
          " WMS GetMap", f"{written:.0f} tiles by the core, {differ} pixels differ from the GetMap")
    check(s2 == 200 and h2.get("geowebcache-cache-result") == "HIT" and early == 1,
          "second request is answered early", f"early hits +{early:.0f}")
    check(b2 == b3 and b2 == b1, "early hit sends the bytes GWC sends", f"{len(b2)} bytes")
    check(headers_of(h2) == headers_of(h3), "early hit sends GWC's headers",
          f"early {headers_of(h2)} GWC {headers_of(h3)}" if headers_of(h2) != headers_of(h3) else
          ", ".join(k for k, _ in headers_of(h2)))
    s4, b4, h4 = http("GET", f"/gwc/service/wmts/rest/wx:t2m/wx:bench_ramp/EPSG:900913/EPSG:900913:5/12/7"
                             f"?format=image/png&TIME={t}")
    before = metric(EARLY)
    s5, b5, h5 = http("GET", f"/gwc/service/wmts/rest/wx:t2m/wx:bench_ramp/EPSG:900913/EPSG:900913:5/12/7"
                             f"?format=image/png&TIME={t}")
    wait_for("early hit counted", lambda: metric(EARLY) - before >= 1, 5)
    check(s5 == 200 and h5.get("geowebcache-cache-result") == "HIT" and metric(EARLY) - before == 1,
          "WMTS REST GetTile is answered early too", f"HTTP {s5} {h5.get('geowebcache-cache-result')}")
    s6, b6, h6 = tile(5, 12, 7, t, headers={"If-Modified-Since": h2["Last-Modified"]})
    check(s6 == 304 and not b6, "If-Modified-Since the tile's time: 304 Not Modified", f"HTTP {s6}")

    # 3. security: a layer only administrators may read is never answered early
    s, b, _ = http("POST", "/rest/security/acl/layers", '{"wx.t2m.r": "ADMIN"}', "application/json", auth=True)
    check(s in (200, 201), "data security rule wx.t2m.r=ADMIN added", f"HTTP {s} {b[:100]!r}")
    time.sleep(2.5)  # decisions are kept two seconds
    before = metric(EARLY)
    sa, ba, _ = tile(5, 12, 7, t)
    sb, bb, hb = tile(5, 12, 7, t, auth=True)
    check(metric(EARLY) == before,
          "anonymous request of the restricted layer is not answered early: GeoServer and GWC answer it",
          f"HTTP {sa} (GWC serves cached tiles of secured layers unless its data security is enabled)")
    check(sb == 200 and bb == b2 and hb.get("geowebcache-cache-result") == "HIT",
          "administrator's request of the restricted layer: GWC serves the cached tile", f"HTTP {sb}")
    s, b, _ = http("DELETE", "/rest/security/acl/layers/wx.t2m.r", auth=True)
    check(s == 200, "data security rule removed", f"HTTP {s}")
    time.sleep(2.5)

    # 4. prefetch of the next times
    done = 'gsweather_prefetch_tasks_total{outcome="done"}'
    before = metric(done)
    s, b, h = tile(7, 48, 28, TIMES[0])
    check(wait_for("prefetch", lambda: metric(done) >= before + 3, 90),
          "a tile at the first time queues the next 3 times, rendered in the background",
          f"done {metric(done) - before:.0f}")
    hits = [tile(7, 48, 28, v)[2].get("geowebcache-cache-result") for v in TIMES[1:4]]
    check(hits == ["HIT"] * 3, "the next 3 times of the tile are cached before they are asked for", str(hits))

    # 5. a newer run supersedes two times: their tiles are truncated, the layer's warming seeds them again
    body = ('<coverage><metadata><entry key="wx.warm">zooms=0-5; gridsets=EPSG:900913</entry>'
            '<entry key="time"><dimensionInfo><enabled>true</enabled><presentation>LIST</presentation>'
            "<units>ISO8601</units><defaultValue><strategy>MAXIMUM</strategy></defaultValue></dimensionInfo>"
            "</entry></metadata></coverage>")
    s, b, _ = http("PUT", "/rest/workspaces/wx/coveragestores/hrrr/coverages/t2m", body, auth=True)
    check(s == 200, "layer metadata wx.warm set through REST", f"HTTP {s}")
    stale, kept = TIMES[-1], TIMES[0]
    for v in (stale, kept):
        tile(6, 24, 14, v)
    check(tile(6, 24, 14, stale)[2].get("geowebcache-cache-result") == "HIT", "z6 tile of the last time cached")
    seeds = metric("gsweather_warm_seeds_total")
    hrrr = os.path.join(WEATHER, "hrrr")
    src = os.path.join(hrrr, sorted(os.listdir(hrrr))[0])
    hours = len(TIMES)
    seen_in_gwc = []
    for h in (hours - 1, hours):  # run 07Z: valid times of the 06Z run's last two hours
        tmp = os.path.join(WEATHER, "run07.tmp")
        out = os.path.join(WEATHER, f"hrrr.t07z.wrfsfcf{h:02d}.grib2")
        subprocess.run(["grib_set", "-s", "dataDate=20260601,dataTime=0700", src, tmp], check=True)
        subprocess.run(["grib_set", "-w", "productDefinitionTemplateNumber=0", "-s",
                        f"indicatorOfUnitOfTimeRange=1,forecastTime={h - 1}", tmp, out], check=True)
        os.remove(tmp)
        subprocess.run(["touch", "-d", "2000-01-01", out], check=True)
    for h in (hours - 1, hours):
        os.rename(os.path.join(WEATHER, f"hrrr.t07z.wrfsfcf{h:02d}.grib2"),
                  os.path.join(hrrr, f"hrrr.t07z.wrfsfcf{h:02d}.grib2"))

    def seeded():
        # GWC lists running tasks as [tiles done, tiles total, seconds left, task id, state]; a seed task knows its
        # total, the truncate tasks GeoServer starts itself when a layer is edited show -1
        s, b, _ = http("GET", "/gwc/rest/seed/wx:t2m.json", auth=True)
        if s == 200 and any(t[1] > 0 for t in json.loads(b).get("long-array-array", [])):
            seen_in_gwc.append(b.decode()[:200])
        return metric("gsweather_warm_seeds_total") >= seeds + 2 and metric("gsweather_warm_pending") == 0
    check(wait_for("warming", seeded, 120), "the new run is warmed: two seed tasks (the two superseded times)",
          f"seeds +{metric('gsweather_warm_seeds_total') - seeds:.0f}, truncations "
          f"{metric('gsweather_warm_truncations_total'):.0f}")
    check(bool(seen_in_gwc), "warming's tasks are listed by GWC's seeding status (/gwc/rest/seed)",
          seen_in_gwc[0] if seen_in_gwc else "never seen running")
    check(tile(6, 24, 14, stale)[2].get("geowebcache-cache-result") == "MISS",
          "the superseded time's z6 tile was truncated (rendered again)")
    check(tile(6, 24, 14, kept)[2].get("geowebcache-cache-result") == "HIT",
          "a time the new run does not cover stays")
    check(tile(3, 3, 1, stale)[2].get("geowebcache-cache-result") == "HIT",
          "the superseded time's z3 tile was seeded by warming (HIT on first request)")
    check(tile(5, 12, 7, stale)[2].get("geowebcache-cache-result") == "HIT",
          "and its z5 tiles (the layer's wx.warm: zooms 0-5)")

    # 6. a tile layer that also offers image/png8 (GWC's tile layer settings): its 8-bit tiles come from the core's
    # metatile with the palette of the 32-bit ones
    s, b, _ = http("GET", "/gwc/rest/layers/wx:t2m.xml", auth=True)
    layer_xml = b.decode().replace("<string>image/png</string>",
                                   "<string>image/png</string><string>image/png8</string><string>image/jpeg</string>", 1)
    s, b, _ = http("PUT", "/gwc/rest/layers/wx:t2m.xml", layer_xml.encode(), auth=True)
    check(s == 200, "tile layer wx:t2m offers image/png8 and image/jpeg (GWC REST)", f"HTTP {s} {b[:200]!r}")
    core = metric('gsweather_wms_maps_total{drawer="core"}')
    s8, b8, h8 = tile(5, 12, 7, fmt="image/png8")
    s32, b32, _ = tile(5, 12, 7)
    drawn = metric('gsweather_wms_maps_total{drawer="core"}') - core
    if s8 == 200 and s32 == 200:
        eight, full = rgba(b8), rgba(b32)
        colormap = b8[25] == 3  # PNG color type 3: palette
        alike = bool((eight == full).all())
    else:
        colormap = alike = False
    check(colormap and alike and drawn >= 1,
          "image/png8 tiles are drawn by the core and have the pixels of the image/png ones",
          f"HTTP {s8}/{s32} {h8.get('Content-Type')}, palette {colormap}, {drawn:.0f} metatile(s) by the core")
    core = metric('gsweather_wms_maps_total{drawer="core"}')
    sj, bj, hj = tile(5, 12, 7, fmt="image/jpeg")
    drawn = metric('gsweather_wms_maps_total{drawer="core"}') - core
    # the same tile as a GetMap through GeoServer's renderer (a format option sends it there), JPEG-encoded alike
    sr, br, _ = http("GET", "/wms?service=WMS&version=1.1.1&request=GetMap&layers=wx:t2m&styles=&srs=EPSG:900913"
                            f"&bbox={tile_bbox(5, 12, 7)}&width=256&height=256&format=image/jpeg"
                            "&format_options=antialias:full")
    if sj == 200 and sr == 200:
        mean = float(abs(rgba(bj).astype(int) - rgba(br).astype(int)).mean())
    else:
        mean = -1
    check(hj.get("Content-Type", "").startswith("image/jpeg") and 0 <= mean <= 1 and drawn >= 1,
          "image/jpeg tiles are drawn by the core: GeoServer's renderer's JPEG of the tile",
          f"HTTP {sj}/{sr} {hj.get('Content-Type')}, mean difference {mean:.2f}, {drawn:.0f} metatile(s) by the core")

    # 7. every meter of docs/metrics.md is exported
    tile(4, 6, 3, layer="wx:wind10")
    http("GET", "/wms?service=WMS&version=1.1.1&request=GetMap&layers=wx:t2m&styles=raster&bbox=-125,25,-65,50"
                "&width=300&height=150&srs=EPSG:4326&format=image/png")
    with open(os.path.join(ROOT, "docs", "metrics.md")) as f:
        documented = set(re.findall(r"^\| `(gsweather_[a-z_]+)", f.read(), re.M))
    s, b, _ = http("GET", "/rest/wx/metrics", auth=True)
    exported = set(re.findall(r"^# TYPE (\S+)", b.decode(), re.M))
    missing = sorted(d for d in documented if d not in exported)
    extra = sorted(e for e in exported if e.startswith("gsweather") and e not in documented and not e.endswith("_max"))
    check(not missing and not extra, "every documented meter is exported and every exported one documented",
          f"{len(documented)} meters; missing {missing}, undocumented {extra}")

    print(f"{len(failures)} failed" if failures else "all checks passed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

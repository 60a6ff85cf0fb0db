#!/usr/bin/env python3
"""End-to-end check of the Redis blob store in a running GeoServer 2.26 (started by bin/e2e-redis).

Every step acts through GeoServer's own interfaces (GWC REST, GeoServer REST, TMS/WMTS) and then compares the keys
Redis holds (SCAN) with the keys the step must leave, exactly. Prints one line per step and exits 1 on the first
difference. Usage: e2e_redis.py GEOSERVER_URL REDIS_PORT REDIS_PASSWORD
"""
import base64
import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

GS, REDIS_PORT, REDIS_PASSWORD = sys.argv[1], sys.argv[2], sys.argv[3]
AUTH = "Basic " + base64.b64encode(b"admin:geoserver").decode()
PREFIX = "e2e"
LAYER = "topp:states"
GRID = "EPSG:4326"


def http(method, path, body=None, content_type="text/xml", expect=(200, 201)):
    req = urllib.request.Request(GS + path, method=method, data=body.encode() if body else None)
    req.add_header("Authorization", AUTH)
    if body:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            data, status, headers = r.read(), r.status, r.headers
    except urllib.error.HTTPError as e:
        data, status, headers = e.read(), e.code, e.headers
    if expect and status not in expect:
        fail(f"{method} {path} answered {status}: {data[:500]!r}")
    return status, headers, data


def redis(*args):
    out = subprocess.run(
        ["redis-cli", "-p", REDIS_PORT, "-a", REDIS_PASSWORD, "--no-auth-warning", *args],
        check=True, capture_output=True, text=True).stdout
    return out.splitlines()


def keys(pattern="*"):
    return set(redis("--scan", "--pattern", pattern))


def enc(s):
    return "".join(c if c.isalnum() or c in "._~" else "".join(f"%{b:02X}" for b in c.encode()) for c in s)


def tile_keys(layer_id, params="-"):
    """(z, x, y) of every tile key of the layer's EPSG:4326 PNG cache with that parameters id."""
    tag = f"{PREFIX}:t:{{{enc(layer_id)}:{enc(GRID)}:{enc('image/png')}:{params}:"
    out = set()
    for k in keys(f"{PREFIX}:t:*"):
        if k.startswith(tag):
            z, x, y = k.rsplit("}:", 1)[1].split(":")
            out.add((int(z), int(x), int(y)))
    return out


def fail(message):
    print("FAIL " + message, flush=True)
    sys.exit(1)


def step(name, ok, detail):
    print(("ok   " if ok else "FAIL ") + name + ": " + detail, flush=True)
    if not ok:
        sys.exit(1)


def wait_for_seeding(layer):
    for _ in range(600):
        _, _, data = http("GET", f"/gwc/rest/seed/{layer}.json")
        if json.loads(data)["long-array-array"] == []:
            return
        time.sleep(0.5)
    fail("seeding did not finish in 300 s")


def wait_for_background_deletes():
    for _ in range(600):
        if redis("hlen", f"{PREFIX}:jobs") == ["0"]:
            return
        time.sleep(0.2)
    fail("background deletes did not finish in 120 s")


def seed(kind, zooms, bounds=None, parameters=None, layer=LAYER):
    body = f"<seedRequest><name>{layer}</name><gridSetId>{GRID}</gridSetId>" \
           f"<zoomStart>{zooms[0]}</zoomStart><zoomStop>{zooms[1]}</zoomStop><format>image/png</format>" \
           f"<type>{kind}</type><threadCount>2</threadCount>"
    if bounds:
        body += "<bounds><coords>" + "".join(f"<double>{c}</double>" for c in bounds) + "</coords></bounds>"
    if parameters:
        body += "<parameters>" + "".join(
            f"<entry><string>{k}</string><string>{v}</string></entry>" for k, v in parameters.items()) + "</parameters>"
    body += "</seedRequest>"
    http("POST", f"/gwc/rest/seed/{layer}.xml", body)
    wait_for_seeding(layer)
    wait_for_background_deletes()


def expected_tiles(layer, zooms):
    """Tiles within the layer's coverage, from the WMTS capabilities' TileMatrixLimits (rows counted from the top)."""
    _, _, data = http("GET", "/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetCapabilities&VERSION=1.0.0")
    ns = {"w": "http://www.opengis.net/wmts/1.0", "ows": "http://www.opengis.net/ows/1.1"}
    root = ET.fromstring(data)
    for lyr in root.iter("{http://www.opengis.net/wmts/1.0}Layer"):
        if lyr.find("ows:Identifier", ns).text != layer:
            continue
        for link in lyr.findall("w:TileMatrixSetLink", ns):
            if link.find("w:TileMatrixSet", ns).text != GRID:
                continue
            out = set()
            for lim in link.iter("{http://www.opengis.net/wmts/1.0}TileMatrixLimits"):
                z = int(lim.find("w:TileMatrix", ns).text.split(":")[-1])
                if zooms[0] <= z <= zooms[1]:
                    rows = 2 ** z  # EPSG:4326: 2^(z+1) columns, 2^z rows
                    for row in range(int(lim.find("w:MinTileRow", ns).text), int(lim.find("w:MaxTileRow", ns).text) + 1):
                        for col in range(int(lim.find("w:MinTileCol", ns).text),
                                         int(lim.find("w:MaxTileCol", ns).text) + 1):
                            out.add((z, col, rows - 1 - row))
            return out
    fail(f"{layer} has no {GRID} tile matrix set in the WMTS capabilities")


def tms(layer, z, x, y):
    status, headers, data = http("GET", f"/gwc/service/tms/1.0.0/{layer}@{GRID}@png/{z}/{x}/{y}.png")
    return status, headers.get("geowebcache-cache-result"), data


def wmts(layer, z, x, y, style=""):
    _, headers, _ = http("GET", f"/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}"
                                f"&STYLE={style}&TILEMATRIXSET={GRID}&TILEMATRIX={GRID}:{z}&TILEROW={2 ** z - 1 - y}"
                                f"&TILECOL={x}&FORMAT=image/png")
    return headers.get("geowebcache-cache-result")


def main():
    _, _, xml = http("GET", f"/gwc/rest/layers/{LAYER}.xml")
    layer_id = re.search(r"<id>([^<]+)</id>", xml.decode()).group(1)

    # 1. blob store through GWC REST, password given in clear
    store = (f"<RedisBlobStore default=\"false\"><id>redis</id><enabled>true</enabled><topology>STANDALONE</topology>"
             f"<nodes>127.0.0.1:{REDIS_PORT}</nodes><password>{REDIS_PASSWORD}</password><keyPrefix>{PREFIX}</keyPrefix>"
             f"<readTimeout>250ms</readTimeout></RedisBlobStore>")
    status, _, _ = http("PUT", "/gwc/rest/blobstores/redis.xml", store)
    _, _, back = http("GET", "/gwc/rest/blobstores/redis.xml")
    back = back.decode()
    step("create blob store via GWC REST", status == 201 and "<RedisBlobStore" in back
         and REDIS_PASSWORD not in back and re.search(r"<password>crypt[12]:", back) is not None,
         f"HTTP {status}; REST GET shows the password as {re.search(r'<password>([^<]{0,8})', back).group(1)}...")
    step("Redis after creating the store", keys() == {f"{PREFIX}:store"}, f"keys {sorted(keys())}")

    # 2. the store assigned to topp:states, in-memory cache off
    _, _, layer_xml = http("GET", f"/gwc/rest/layers/{LAYER}.xml")
    layer_xml = layer_xml.decode().replace("<inMemoryCached>true</inMemoryCached>",
                                           "<inMemoryCached>false</inMemoryCached><blobStoreId>redis</blobStoreId>")
    http("PUT", f"/gwc/rest/layers/{LAYER}.xml", layer_xml)
    _, _, check = http("GET", f"/gwc/rest/layers/{LAYER}.xml")
    step("assign the store to the layer", b"<blobStoreId>redis</blobStoreId>" in check, f"{LAYER} id {layer_id}")

    # 3. seed zoom 0-3
    seed("seed", (0, 3))
    expected = expected_tiles(LAYER, (0, 3))
    got = tile_keys(layer_id)
    step("seed EPSG:4326 zoom 0-3 via GWC REST", got == expected, f"{len(got)} tile keys = the {len(expected)} tiles of "
         f"the layer's coverage (WMTS TileMatrixLimits)")
    states = keys(f"{PREFIX}:s:*")
    floors = keys(f"{PREFIX}:f:*")
    others = keys() - keys(f"{PREFIX}:t:*") - states - floors
    step("Redis besides tiles", others == {f"{PREFIX}:store", f"{PREFIX}:layers",
                                           f"{PREFIX}:l:{{{enc(layer_id)}}}:caches"}
         and {k.replace(f"{PREFIX}:s:", f"{PREFIX}:f:", 1) for k in states} == floors
         and all(redis("get", k) == ["1"] for k in floors)
         and redis("hget", f"{PREFIX}:layers", LAYER) == [layer_id],
         f"{len(states)} shard states, each with its floor key (floor 1), {sorted(others)}")

    # 4. read back: HIT from Redis (TMS and WMTS), and a MISS that is stored then hit
    z, x, y = sorted(expected)[-1]
    status, result, png = tms(LAYER, z, x, y)
    key = next(k for k in keys(f"{PREFIX}:t:{{{enc(layer_id)}:*") if k.endswith(f"}}:{z}:{x}:{y}") and ":-:" in k)
    stored = redis("strlen", key)
    step("TMS GetTile of a seeded tile", status == 200 and result == "HIT" and png[:4] == b"\x89PNG"
         and int(stored[0]) == len(png) + 30, f"{z}/{x}/{y}: {result}, {len(png)} bytes = stored value minus header")
    result = wmts(LAYER, z, x, y)
    step("WMTS GetTile of a seeded tile", result == "HIT", f"TileMatrix {GRID}:{z} row {2 ** z - 1 - y} col {x}: {result}")
    new = (4, 10, 11)
    first = tms(LAYER, *new)[1]
    second = tms(LAYER, *new)[1]
    metatile = {(4, x, y) for x in range(8, 12) for y in range(8, 12)} & expected_tiles(LAYER, (4, 4))
    step("a tile not seeded: MISS, stored, then HIT", first == "MISS" and second == "HIT"
         and tile_keys(layer_id) == expected | metatile,
         f"4/10/11 {first} then {second}; its 4x4 metatile stored: {len(metatile)} more keys")
    expected = expected | metatile

    # 5. truncate by bounds, zoom 2-3
    seed("truncate", (2, 3), bounds=(-130, 30, -95, 40))
    # the tiles under the bounds: zoom 2 x 1 y 2, zoom 3 x 2-3 y 5; GWC widens a truncation to whole 4x4 metatiles
    widened = {2: ((0, 3), (0, 3)), 3: ((0, 3), (4, 7))}
    removed = {t for t in expected if t[0] in widened
               and widened[t[0]][0][0] <= t[1] <= widened[t[0]][0][1] and widened[t[0]][1][0] <= t[2] <= widened[t[0]][1][1]}
    expected -= removed
    got = tile_keys(layer_id)
    step("truncate by bounds -130,30,-95,40 zoom 2-3", got == expected,
         f"exactly the {len(removed)} tiles of the metatiles under the bounds gone {sorted(removed)}, {len(got)} left"
         if got == expected
         else f"missing {sorted(expected - got)}, unexpected {sorted(got - expected)}")

    # 6. truncate by zoom 3
    seed("truncate", (3, 3))
    expected = {t for t in expected if t[0] != 3}
    got = tile_keys(layer_id)
    step("truncate zoom 3", got == expected, f"no zoom 3 tile left, {len(got)} tiles left")

    # 7. parameters: seed STYLES=pophatch, then truncate those parameters only
    seed("seed", (0, 2), parameters={"STYLES": "pophatch"})
    mapping = dict(zip(*[iter(redis("hgetall", f"{PREFIX}:l:{{{enc(layer_id)}}}:params"))] * 2))
    pid = next((k for k, v in mapping.items() if v == "STYLES=pophatch"), None)
    styled = tile_keys(layer_id, enc(pid)) if pid else set()
    step("seed STYLES=pophatch zoom 0-2", pid is not None and styled == expected_tiles(LAYER, (0, 2))
         and tile_keys(layer_id) == expected, f"parameters id {pid}: {len(styled)} tiles; default style untouched")
    result = wmts(LAYER, 2, 1, 3, style="pophatch")
    step("WMTS GetTile with STYLE=pophatch", result == "HIT", f"zoom 2 x 1 y 3: {result}")
    http("POST", "/gwc/rest/masstruncate",
         f"<truncateParameters><layerName>{LAYER}</layerName><parameters><entry><string>STYLES</string>"
         f"<string>pophatch</string></entry></parameters></truncateParameters>")
    wait_for_background_deletes()
    step("truncate by parameters (masstruncate truncateParameters)",
         tile_keys(layer_id, enc(pid)) == set() and tile_keys(layer_id) == expected
         and not keys(f"{PREFIX}:s:*{enc(pid)}*") and not keys(f"{PREFIX}:f:*{enc(pid)}*")
         and redis("hlen", f"{PREFIX}:l:{{{enc(layer_id)}}}:params") == ["0"],
         f"no key of {pid} left (tiles, shard states and floors, mapping); {len(expected)} default-style tiles kept")

    # 8. rename the layer (GeoServer REST)
    before = keys()
    http("PUT", "/rest/workspaces/topp/datastores/states_shapefile/featuretypes/states.xml",
         "<featureType><name>states2</name></featureType>")
    renamed = "topp:states2"
    _, _, lx = http("GET", f"/gwc/rest/layers/{renamed}.xml")
    status, result, _ = tms(renamed, *sorted(expected)[-1])
    names = dict(zip(*[iter(redis("hgetall", f"{PREFIX}:layers"))] * 2))
    step("rename topp:states to topp:states2", b"<blobStoreId>redis</blobStoreId>" in lx and result == "HIT"
         and tile_keys(layer_id) == expected and keys() - before <= set() and before - keys() <= set(),
         f"tiles served under the new name ({result}), no tile key moved; name index {names}")

    # 9. delete the layer (GeoServer REST)
    http("DELETE", "/rest/workspaces/topp/datastores/states_shapefile/featuretypes/states2.xml?recurse=true")
    wait_for_background_deletes()
    left = keys()
    step("delete the layer", left == {f"{PREFIX}:store"}, f"Redis keeps only {sorted(left)}")


if __name__ == "__main__":
    main()

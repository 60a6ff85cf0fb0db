#!/usr/bin/env python3
"""Cold-cache thundering herd on two GeoServer nodes: how many times each metatile is rendered.

Usage: lock_bench.py SETTINGS_JSON LABEL   (bin/lock-bench starts the nodes with one tile lock provider, then runs this)

32 clients per node (64 in all), each requesting one tile of each of the same 64 metatiles (GFS_TMP_2M, EPSG:900913
zoom 5 = 8 x 8 metatiles of 4 x 4 tiles), all in the same order so that they miss together; client c asks for tile
(c mod 16) of every metatile, so each metatile is wanted by every client of both nodes at about the same moment.
Renders are counted in Redis, not by GeoServer: every render stores all 16 tiles of its metatile (one SET per tile,
seen through keyspace notifications), so the SETs of a metatile's tiles / 16 is how often it was rendered.
Prints one JSON line with the counts, latencies and the wall time.
"""
import json
import subprocess
import sys
import threading
import time
import urllib.request

S = json.load(open(sys.argv[1]))
LABEL = sys.argv[2]
NODES, PORT, PASSWORD = S["nodes"], S["redis_port"], S["redis_password"]
LAYER, Z, META = "wx:GFS_TMP_2M", 5, 4
METATILES = [(mx, my) for my in range(8) for mx in range(8)]
CLIENTS_PER_NODE = 32


def redis(*args):
    return subprocess.run(["redis-cli", "-p", str(PORT), "--no-auth-warning", "-a", PASSWORD, *args],
                          capture_output=True, text=True, check=True).stdout


def main():
    redis("flushall")
    redis("config", "set", "notify-keyspace-events", "E$")
    sub = subprocess.Popen(["redis-cli", "-p", str(PORT), "--no-auth-warning", "-a", PASSWORD, "--csv",
                            "psubscribe", "__keyevent@*__:set"], stdout=subprocess.PIPE, text=True)
    sets = []
    listening = threading.Event()

    def listen():
        for line in sub.stdout:
            if "psubscribe" in line:
                listening.set()
            elif line.startswith('"pmessage"'):
                sets.append(line.rstrip().split('","')[-1].rstrip('"'))
    threading.Thread(target=listen, daemon=True).start()
    listening.wait(10)

    latencies, errors, results = [], [], {}
    barrier = threading.Barrier(2 * CLIENTS_PER_NODE)

    def client(node, c):
        barrier.wait()
        for mx, my in METATILES:
            col = mx * META + c % META
            row = my * META + (c // META) % META
            url = (f"{node}/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={LAYER}&STYLE="
                   f"&TILEMATRIXSET=EPSG:900913&TILEMATRIX=EPSG:900913:{Z}&TILEROW={row}&TILECOL={col}"
                   f"&FORMAT=image/png")
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=300) as r:
                    r.read()
                    results[r.headers.get("geowebcache-cache-result", "?")] = \
                        results.get(r.headers.get("geowebcache-cache-result", "?"), 0) + 1
            except Exception as e:  # a failed request is counted, the run goes on
                errors.append(repr(e)[:120])
            latencies.append(time.perf_counter() - t0)

    threads = [threading.Thread(target=client, args=(n, c)) for n in NODES for c in range(CLIENTS_PER_NODE)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    # the last writes of the stores' executor threads, then stop listening
    deadline = time.time() + 10
    last = -1
    while time.time() < deadline and len(sets) != last:
        last = len(sets)
        time.sleep(0.5)
    sub.terminate()

    per_tile = {}
    for key in sets:
        if ":t:{" not in key:
            continue
        z, x, y = (int(v) for v in key.rsplit(":", 3)[1:])
        if z == Z:
            per_tile[(x, y)] = per_tile.get((x, y), 0) + 1
    renders = {}
    for (x, y), n in per_tile.items():
        m = (x // META, ((1 << Z) - 1 - y) // META)
        renders.setdefault(m, []).append(n)
    # a render stores every tile of its metatile once: the most-written tile of a metatile counts its renders
    counts = [max(renders.get(m, [0])) for m in METATILES]
    latencies.sort()
    histogram = {}
    for n in counts:
        histogram[n] = histogram.get(n, 0) + 1
    print(json.dumps({
        "lock": LABEL, "metatiles": len(METATILES), "clients": 2 * CLIENTS_PER_NODE,
        "requests": len(latencies), "errors": len(errors), "first_errors": errors[:3], "cache_results": results,
        "renders": sum(counts), "renders_per_metatile": {"min": min(counts), "mean": round(sum(counts) / len(counts), 3),
                                                         "max": max(counts)},
        "metatiles_rendered_n_times": dict(sorted(histogram.items())),
        "wall_s": round(wall, 2), "latency_ms": {"p50": round(latencies[len(latencies) // 2] * 1000, 1),
                                                 "p99": round(latencies[int(len(latencies) * 0.99)] * 1000, 1),
                                                 "max": round(latencies[-1] * 1000, 1)},
    }), flush=True)


if __name__ == "__main__":
    main()

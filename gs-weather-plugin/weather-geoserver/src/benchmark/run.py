#!/usr/bin/env python3
"""Runs the benchmark's scenarios with bin/wx-loadtest against both servers, one after the other, and writes one
JSON report per run into RESULTS_DIR (with the machine's load before and after, as the load tester records it).

Usage: run.py REPO_ROOT OURS_URL STOCK_URL RESULTS_DIR [SECONDS] [--quick]

Our server is restarted (bin/benchmark --restart-ours) to change its tile settings between runs: early hits on or
off (WX_FAST_HITS), prefetch of the next times (WX_PREFETCH_TIMES) and of the surrounding metatiles
(WX_PREFETCH_RING). Warming stays off, so that cold runs start cold. Both servers' code is warmed up before the
runs (and ours after each restart) on requests no cache keeps, so that cold runs measure cold caches.
"""
import json, os, subprocess, sys, time

ROOT, OURS, STOCK, RESULTS = sys.argv[1:5]
SECONDS = int(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[5].isdigit() else 20
QUICK = "--quick" in sys.argv
HERE = os.path.dirname(os.path.abspath(__file__))
LOADTEST = os.path.join(ROOT, "bin", "wx-loadtest")

# layer kind -> (layer, our style, stock style); "default" is each layer's default style
KINDS = {
    "ramp": ("wx:t2m", "default", "default"),
    "isolines": ("wx:t2m", "wx:bench_isolines", "wx:stock_contour"),
    "barbs": ("wx:wind10", "default", "default"),
}
COLD_RUNS = 1 if QUICK else 3
ANIMATION_PLAYS = 1 if QUICK else 3
DEFAULTS = {"WX_FAST_HITS": "true", "WX_PREFETCH_TIMES": "3", "WX_PREFETCH_RING": "false", "WX_WARM": "off"}
current = {}


def restart_ours(**settings):
    """Restarts our GeoServer with these tile settings (unless it already runs with them)."""
    global current
    wanted = dict(DEFAULTS, **{k: str(v).lower() for k, v in settings.items()})
    if wanted == current:
        return
    env = dict(os.environ, **wanted)
    subprocess.run([os.path.join(ROOT, "bin", "benchmark"), "--restart-ours"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    current = wanted
    warm_code(OURS, "ours")


def warm_code(url, side):
    """Warms a server's code (class loading, JIT) so that the runs after it measure cold caches, not a cold JVM:
    WMS GetMaps of every kind (no cache keeps them), tile misses of every kind (20 s of GWC metatile renders,
    encodings and cache writes from a reset cache), then cached tiles of the wind layer (the hit path). The runs
    that need cold caches reset them."""
    for layer, ours_style, stock_style in KINDS.values():
        style = ours_style if side == "ours" else stock_style
        quiet_loadtest(url, "getmap", layer, style, "--duration", "4s")
    if not QUICK:
        for layer, ours_style, stock_style in KINDS.values():
            quiet_loadtest(url, "warm-misses", layer, ours_style if side == "ours" else stock_style)
    quiet_loadtest(url, "warm", "wx:wind10", "default", "--duration", "3s")


def quiet_loadtest(url, scenario, layer, style, *extra):
    args = [LOADTEST, "run", os.path.join(HERE, "scenarios", scenario + ".yaml"), "--url", url, "--layer", layer,
            "--style", style, "--progress", "none", *extra]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def uptime():
    with open("/proc/loadavg") as f:
        return f.read().split()[:3]


def loadtest(name, url, scenario, layer, style, *extra):
    out = os.path.join(RESULTS, name + ".json")
    args = [LOADTEST, "run", os.path.join(HERE, "scenarios", scenario + ".yaml"), "--url", url, "--layer", layer,
            "--style", style, "--json", out, "--progress", "none"]
    if scenario == "getmap":  # stage durations of the other scenarios are theirs (warm-ups stay 5 s)
        args += ["--duration", "5s" if QUICK else f"{SECONDS}s"]
    elif QUICK and scenario not in ("animation", "animation-open"):
        args += ["--duration", "5s" if scenario in ("warm", "concurrency") else "15s"]
    args += list(extra)
    before = uptime()
    t0 = time.time()
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode not in (0, 3):
        print(r.stdout[-3000:], r.stderr[-3000:])
        sys.exit(f"run.py: {name} failed (exit {r.returncode})")
    with open(out) as f:
        report = json.load(f)
    report["benchmark"] = {"name": name, "uptimeBefore": before, "uptimeAfter": uptime(),
                           "settings": current if url == OURS else "stock", "wallSeconds": round(time.time() - t0, 1)}
    with open(out, "w") as f:
        json.dump(report, f, indent=1)
    t = report["total"]
    lat = t["latencyMs"]
    print(f"{name:32s} {t['requests']:7d} req {t['requestsPerSecond']:8.1f}/s p50 {lat['p50']:8.2f} ms "
          f"p99 {lat['p99']:8.2f} ms errors {t['errors']} hit {t.get('hitRatio')} load {before[0]}->{uptime()[0]}",
          flush=True)


def cold(name, url, layer, style, runs=COLD_RUNS):
    """The cold scenario (a sweep from a reset cache, a second or two on ours) run several times: NAME.json is the
    run of median throughput, with the throughput of every run in its benchmark.coldRuns."""
    for k in range(runs):
        loadtest(f"{name}-{k + 1}", url, "cold", layer, style)
    keep_median(name, runs, lambda t: t["requestsPerSecond"], "coldRuns")


def animation(name, url, plays=ANIMATION_PLAYS):
    """From an empty cache, a viewer opens the map at the first hour, looks at it for 10 s, then plays the hours; done
    several times (a play is 144 requests, and its p95 moves from play to play): NAME.json is the play of median p95,
    with the p95 of every play in its benchmark.plays."""
    for k in range(plays):
        subprocess.run([LOADTEST, "reset", "--url", url, "--layer", "wx:t2m"], check=True, capture_output=True)
        loadtest(f"{name}-{k + 1}-open", url, "animation-open", "wx:t2m", "default", "--no-reset")
        time.sleep(10)
        loadtest(f"{name}-{k + 1}", url, "animation", "wx:t2m", "default", "--no-reset")
    keep_median(name, plays, lambda t: t["latencyMs"]["p95"], "plays")


def keep_median(name, runs, measure, key):
    """Writes NAME.json: the one of NAME-1.json .. NAME-RUNS.json whose measure of its totals is the median, with the
    measure of every run in its benchmark[KEY]."""
    values = []
    for k in range(runs):
        with open(os.path.join(RESULTS, f"{name}-{k + 1}.json")) as f:
            values.append(measure(json.load(f)["total"]))
    median = sorted(range(runs), key=lambda k: values[k])[runs // 2]
    with open(os.path.join(RESULTS, f"{name}-{median + 1}.json")) as f:
        report = json.load(f)
    report["benchmark"][key] = [round(v, 1) for v in values]
    with open(os.path.join(RESULTS, name + ".json"), "w") as f:
        json.dump(report, f, indent=1)


def main():
    os.makedirs(RESULTS, exist_ok=True)
    restart_ours()
    warm_code(STOCK, "stock")
    for kind, (layer, ours_style, stock_style) in KINDS.items():
        for side, url, style in (("stock", STOCK, stock_style), ("ours", OURS, ours_style)):
            cold(f"{kind}-cold-{side}", url, layer, style)
            loadtest(f"{kind}-warm-{side}", url, "warm", layer, style)
    for side, url, style in (("stock", STOCK, "default"), ("ours", OURS, "default")):
        loadtest(f"ramp-concurrency-{side}", url, "concurrency", "wx:t2m", style)
        loadtest(f"ramp-getmap-{side}", url, "getmap", "wx:t2m", style)
    # the early hit path's share: GWC answering the same warm requests
    restart_ours(WX_FAST_HITS=False)
    loadtest("ramp-warm-ours-gwc", OURS, "warm", "wx:t2m", "default")
    loadtest("ramp-concurrency-ours-gwc", OURS, "concurrency", "wx:t2m", "default")
    # animation: stock, ours without prefetch, ours with it
    animation("animation-stock", STOCK)
    restart_ours(WX_PREFETCH_TIMES=0)
    animation("animation-ours-noprefetch", OURS)
    restart_ours()
    animation("animation-ours-prefetch", OURS)
    # spatial prefetch: pan with and without the ring
    loadtest("pan-stock", STOCK, "pan", "wx:t2m", "default")
    loadtest("pan-ours", OURS, "pan", "wx:t2m", "default")
    restart_ours(WX_PREFETCH_RING=True)
    loadtest("pan-ours-ring", OURS, "pan", "wx:t2m", "default")
    restart_ours()


if __name__ == "__main__":
    main()

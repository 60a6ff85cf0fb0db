#!/usr/bin/env python3
"""Tables and plots of a benchmark run: RESULTS_DIR/report.md and RESULTS_DIR/*.svg (matplotlib), from the JSON
reports run.py wrote. docs/benchmarks.md quotes them.

Usage: report.py RESULTS_DIR
"""
import json, os, sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

RESULTS = sys.argv[1]


def load(name):
    path = os.path.join(RESULTS, name + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def stats(report, stage=None):
    if stage is None:
        return report["total"]
    return next(s["total"] for s in report["stages"] if s["name"] == stage)


def load_text(report):
    b = report.get("benchmark", {})
    return f"{b.get('uptimeBefore', ['?'])[0]}-{b.get('uptimeAfter', ['?'])[0]}"


def row(label, report, stage=None, extra=""):
    if report is None:
        return f"| {label} | not run | | | | | | |"
    s = stats(report, stage)
    lat = s["latencyMs"]
    hit = s.get("hitRatio")
    return (f"| {label} | {s['requests']} | {s['requestsPerSecond']:.0f} | {lat['p50']:.1f} | {lat['p95']:.1f} | "
            f"{lat['p99']:.1f} | {'' if hit is None else f'{hit:.0%}'} | {s['errors']} | {load_text(report)}{extra} |")


def ratio(a, b, key):
    if a is None or b is None:
        return "n/a"
    x, y = key(stats(a)), key(stats(b))
    return f"{x / y:.1f}x" if y else "n/a"


HEAD = ("| run | requests | tiles/s | p50 ms | p95 ms | p99 ms | GWC hits | errors | load (1 min, before-after) |\n"
        "|---|---|---|---|---|---|---|---|---|")


def main():
    out = []
    machine = None
    for f in sorted(os.listdir(RESULTS)):
        if f.endswith(".json"):
            with open(os.path.join(RESULTS, f)) as fh:
                machine = json.load(fh).get("machine")
            break
    out.append(f"Machine: {machine.get('host')}, {machine.get('cores')} cores, Java {machine.get('java')}; the load "
               "average of each run is in its row (the machine is shared with other builds).\n" if machine else "")
    out.append("## Cold and warm cache by layer kind\n")
    out.append(HEAD)
    for kind in ("ramp", "isolines", "barbs"):
        for phase in ("cold", "warm"):
            for side in ("stock", "ours"):
                out.append(row(f"{kind} {phase}, {side}", load(f"{kind}-{phase}-{side}")))
    runs, repeats = [], 0
    for kind in ("ramp", "isolines", "barbs"):
        for side in ("stock", "ours"):
            r = load(f"{kind}-cold-{side}")
            rates = (r or {}).get("benchmark", {}).get("coldRuns")
            if rates and len(rates) > 1:
                runs.append(f"{kind} {side} " + ", ".join(f"{x:.0f}" for x in rates))
                repeats = max(repeats, len(rates))
    if runs:
        out.append("\nCold rows: the median of " + str(repeats) + " sweeps from a reset cache, one after the other"
                   " (tiles/s of each: " + "; ".join(runs) + ").")
    out.append("\nOurs against stock (tiles/s; p50):\n")
    out.append("| kind | cold tiles/s | warm tiles/s | warm p50 (stock / ours) |\n|---|---|---|---|")
    for kind in ("ramp", "isolines", "barbs"):
        rps = lambda s: s["requestsPerSecond"]  # noqa: E731
        p50 = lambda s: s["latencyMs"]["p50"]  # noqa: E731
        out.append(f"| {kind} | {ratio(load(f'{kind}-cold-ours'), load(f'{kind}-cold-stock'), rps)} | "
                   f"{ratio(load(f'{kind}-warm-ours'), load(f'{kind}-warm-stock'), rps)} | "
                   f"{ratio(load(f'{kind}-warm-stock'), load(f'{kind}-warm-ours'), p50)} |")
    out.append("\n## Rendering without a cache: WMS GetMap of 256 px tiles\n")
    out.append(HEAD)
    for side in ("stock", "ours"):
        out.append(row(f"ramp GetMap, {side}", load(f"ramp-getmap-{side}")))
    out.append(f"\nOurs / stock: {ratio(load('ramp-getmap-ours'), load('ramp-getmap-stock'), lambda s: s['requestsPerSecond'])}"
               " the GetMap throughput; our cold *tiles* (metatiled, cached) against stock GetMap: "
               f"{ratio(load('ramp-cold-ours'), load('ramp-getmap-stock'), lambda s: s['requestsPerSecond'])}.\n")
    out.append("## Latency against concurrency (warm ramp tiles)\n")
    out.append(HEAD)
    series = {}
    for name, label in (("ramp-concurrency-stock", "stock"), ("ramp-concurrency-ours-gwc", "ours, GWC answers"),
                        ("ramp-concurrency-ours", "ours, early hits")):
        r = load(name)
        if r is None:
            continue
        points = []
        for st in r["stages"]:
            if st.get("warmup"):
                continue
            out.append(row(f"{label}, {st['name']}", r, st["name"]))
            points.append((st["concurrency"], st["total"]))
        series[label] = points
    plot_concurrency(series)
    out.append("\n![latency against concurrency](benchmark-concurrency.svg)\n")
    out.append("## The early hit path\n")
    out.append(HEAD)
    out.append(row("warm ramp, GWC answers (WX_FAST_HITS=false)", load("ramp-warm-ours-gwc")))
    out.append(row("warm ramp, early hits", load("ramp-warm-ours")))
    out.append(f"\nGain: {ratio(load('ramp-warm-ours'), load('ramp-warm-ours-gwc'), lambda s: s['requestsPerSecond'])}"
               " the throughput.\n")
    out.append("## Animation (a viewer opens the map, looks for 10 s, plays: latency from each frame's due time)\n")
    out.append(HEAD)
    for name, label in (("animation-stock", "stock"), ("animation-ours-noprefetch", "ours, no prefetch"),
                        ("animation-ours-prefetch", "ours, prefetch of the next 3 times")):
        r = load(name)
        extra = ""
        if r is not None:
            unsent = sum(s.get("unsent", 0) for s in r["stages"])
            extra = f"; unsent {unsent}" if unsent else ""
        out.append(row(label, r, extra=extra))
    plays, repeats = [], 0
    for name, label in (("animation-stock", "stock"), ("animation-ours-noprefetch", "ours, no prefetch"),
                        ("animation-ours-prefetch", "ours, prefetch")):
        p95s = (load(name) or {}).get("benchmark", {}).get("plays")
        if p95s and len(p95s) > 1:
            plays.append(f"{label} " + ", ".join(f"{x:.1f}" for x in p95s))
            repeats = max(repeats, len(p95s))
    if plays:
        out.append("\nEach row: the play of median p95 among " + str(repeats)
                   + " (p95 ms of each: " + "; ".join(plays) + ").")
    out.append("\n## Pan (spatial prefetch)\n")
    out.append(HEAD)
    for name, label in (("pan-stock", "stock"), ("pan-ours", "ours, no ring"), ("pan-ours-ring", "ours, ring")):
        out.append(row(label, load(name)))
    text = "\n".join(out) + "\n"
    with open(os.path.join(RESULTS, "report.md"), "w") as f:
        f.write(text)
    print(text)


def plot_concurrency(series):
    if not series:
        return
    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4.2))
    for k, (label, points) in enumerate(series.items()):
        color = f"C{k}"  # one colour per server set-up in both panels
        c = [p[0] for p in points]
        a.plot(c, [p[1]["latencyMs"]["p50"] for p in points], marker="o", color=color, label=f"{label} p50")
        a.plot(c, [p[1]["latencyMs"]["p99"] for p in points], marker="x", linestyle="--", color=color,
               label=f"{label} p99")
        b.plot(c, [p[1]["requestsPerSecond"] for p in points], marker="o", color=color, label=label)
    for ax in (a, b):
        ax.set_xscale("log")
        ax.set_xlabel("concurrent clients")
        ax.grid(True, which="both", alpha=0.3)
    a.set_yscale("log")
    a.set_ylabel("latency (ms)")
    a.set_title("Warm tile latency")
    b.set_ylabel("tiles/s")
    b.set_title("Warm tile throughput")
    a.legend(fontsize=7)
    b.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(os.path.join(RESULTS, "benchmark-concurrency.svg"))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes gs-weather-dashboard.json, the Grafana dashboard of the plugins' metrics (docs/metrics.md). Queries sum
over the scraped GeoServer nodes.

Run it after changing the panels below: python3 docker/grafana/make_dashboard.py. Import the JSON in Grafana
(Dashboards > Import) and choose the Prometheus data source that scrapes /geoserver/rest/wx/metrics.
"""
import json, os

DS = {"type": "prometheus", "uid": "${DS_PROMETHEUS}"}


def q(expr, legend):
    return {"expr": expr, "legendFormat": legend, "datasource": DS}


def quantiles(metric, by="", where=""):
    sel = "{" + where + "}" if where else ""
    group = f"le{', ' + by if by else ''}"
    legend = "{{" + by + "}} " if by else ""
    return [q(f"histogram_quantile({p}, sum by ({group}) (rate({metric}_bucket{sel}[$__rate_interval])))",
              f"{legend}p{int(p * 100)}") for p in (0.5, 0.95, 0.99)]


# (row title, [(panel title, unit, targets, description)])
ROWS = [
    ("Tiles", [
        ("Tile requests by who answered", "reqps",
         [q("sum by (path, result) (rate(gsweather_tiles_total[$__rate_interval]))", "{{path}} {{result}}")],
         "WMTS tile requests: answered early (cache hit before the dispatcher) or by GWC, with GWC's cache result"),
        ("Tile cache hit ratio", "percentunit",
         [q('sum(rate(gsweather_tiles_total{result="hit"}[$__rate_interval])) / '
            'sum(rate(gsweather_tiles_total{result=~"hit|miss"}[$__rate_interval]))', "hit ratio")],
         "One miss renders a whole metatile (16 tiles with 4x4 metatiles)"),
        ("Early hit latency", "s", quantiles("gsweather_tiles_fast_seconds"),
         "Request read, access checked, tile read from the blob store and written"),
        ("Tile requests GWC is serving", "short", [q("gsweather_tiles_inflight", "in flight")],
         "Prefetch and warming wait while this is above WX_PREFETCH_BUSY"),
    ]),
    ("Rendering", [
        ("WMS GetMap (image produced)", "s", quantiles("gsweather_wms_getmap_seconds", "via"),
         "via=gwc: metatiles for the tile cache; via=wms: direct GetMap"),
        ("wx: drawing by kind (p95)", "s",
         [q("histogram_quantile(0.95, sum by (le, kind) (rate(gsweather_wx_draw_seconds_bucket[$__rate_interval])))",
            "{{kind}}")], "wx:ColorRamp, wx:WindBarbs, wx:WindArrows, wx:Isolines"),
        ("Encoding", "s",
         quantiles("gsweather_gwc_encode_seconds") + quantiles("gsweather_png_encode_seconds"),
         "GWC encoding and storing a metatile's tiles; PNG of direct GetMap"),
        ("GWC metatile lock", "s",
         quantiles("gsweather_gwc_lock_wait_seconds") + [
             q("histogram_quantile(0.95, sum by (le) (rate(gsweather_gwc_metatile_seconds_bucket[$__rate_interval])))",
               "held p95")],
         "Waiting for a metatile another request renders; lock held per metatile"),
        ("Reader sampling", "s", quantiles("gsweather_reader_sample_seconds"),
         "A band sampled onto a request's grid for GeoServer's own rendering (ColorMap, ras:Contour)"),
    ]),
    ("Fields", [
        ("Decoding by kind", "s", quantiles("gsweather_field_decode_seconds", "kind"), "A field decoded on a cache miss"),
        ("Field cache bytes", "bytes",
         [q("gsweather_field_cache_size_bytes", "held"), q("gsweather_field_cache_limit_bytes", "limit")], ""),
        ("Field cache hit ratio", "percentunit",
         [q('sum(rate(gsweather_field_cache_requests_total{result="hit"}[$__rate_interval])) / '
            'sum(rate(gsweather_field_cache_requests_total[$__rate_interval]))', "hit ratio")], ""),
        ("Evictions and failures", "short",
         [q("rate(gsweather_field_cache_evictions_total[$__rate_interval])", "evictions/s"),
          q("rate(gsweather_field_cache_load_failures_total[$__rate_interval])", "failed decodes/s")], ""),
        ("File indexing and store changes", "s",
         quantiles("gsweather_store_index_seconds", "format")
         + [q("increase(gsweather_store_changes_total[$__rate_interval])", "store changes")],
         "Opening a new or changed file; new store states (runs arriving, aging out)"),
    ]),
    ("Redis", [
        ("Redis round trips", "s", quantiles("gsweather_redis_op_seconds", "op"), "get, put, delete"),
        ("Tile reads by result", "reqps",
         [q("sum by (result) (rate(gsweather_redis_tile_reads_total[$__rate_interval]))", "{{result}}")],
         "failed and short-circuited reads are answered as misses"),
        ("Tile writes and deletes", "ops",
         [q("sum by (result) (rate(gsweather_redis_tile_writes_total[$__rate_interval]))", "write {{result}}"),
          q("sum by (kind) (rate(gsweather_redis_tile_deletes_total[$__rate_interval]))", "delete {{kind}}")], ""),
        ("Circuit breakers", "short",
         [q("gsweather_redis_breakers", "{{state}}"),
          q("increase(gsweather_redis_breaker_openings_total[$__rate_interval])", "openings")], ""),
        ("Bulk deletes", "short",
         [q("gsweather_redis_bulk_pending", "pending jobs"),
          q("rate(gsweather_redis_bulk_keys_scanned_total[$__rate_interval])", "keys scanned/s"),
          q("rate(gsweather_redis_bulk_failures_total[$__rate_interval])", "failed batches/s")],
         "Truncations running in the background"),
    ]),
    ("Ahead of requests", [
        ("Prefetch queue", "short",
         [q("gsweather_prefetch_queue", "queued"), q("gsweather_prefetch_running", "running")], ""),
        ("Prefetch tasks", "ops",
         [q("sum by (outcome) (rate(gsweather_prefetch_tasks_total[$__rate_interval]))", "{{outcome}}")],
         "shed: server busy; dropped: queue full; duplicate: already queued"),
        ("Prefetched metatiles", "s",
         [q("histogram_quantile(0.95, sum by (le, kind, outcome) (rate(gsweather_prefetch_render_seconds_bucket"
            "[$__rate_interval])))", "{{kind}} {{outcome}} p95")], "time: next times; ring: around requested tiles"),
        ("Warming", "short",
         [q("gsweather_warm_pending", "jobs pending"), q("gsweather_warm_seeding", "seed tasks running"),
          q("increase(gsweather_warm_seeds_total[$__rate_interval])", "seeds"),
          q("increase(gsweather_warm_truncations_total[$__rate_interval])", "truncations"),
          q("increase(gsweather_warm_failures_total[$__rate_interval])", "failures")], ""),
        ("Warming tiles", "ops", [q("rate(gsweather_warm_tiles_total[$__rate_interval])", "tiles/s")], ""),
    ]),
    ("Ingest (wx ingest --metrics)", [
        ("Data age by source", "s",
         [q("time() - (wx_ingest_last_file_seconds > 0)", "{{source}} last file"),
          q("time() - (wx_ingest_latest_run_seconds > 0)", "{{source}} newest run found")],
         "Since the last file was placed; since the newest run, volume or scan found at the source"),
        ("Files and failures", "ops",
         [q("sum by (source) (rate(wx_ingest_files_total[$__rate_interval]))", "{{source}} placed"),
          q("sum by (source) (rate(wx_ingest_errors_total[$__rate_interval]))", "{{source}} failed"),
          q("sum by (source) (rate(wx_ingest_poll_problems_total[$__rate_interval]))", "{{source}} poll problems")],
         "Failed files are retried at the next poll"),
        ("Transfer", "Bps",
         [q("sum by (source) (rate(wx_ingest_bytes_total[$__rate_interval]))", "{{source}}"),
          q("sum by (source) (rate(wx_ingest_retries_total[$__rate_interval]))", "{{source}} retries/s")],
         "Bytes received (byte ranges of the selected fields, listings, inventories)"),
    ]),
    ("JVM", [
        ("Heap", "bytes", [q('sum(jvm_memory_used_bytes{area="heap", job!="wx-ingest"})', "used"),
                           q('sum(jvm_memory_max_bytes{area="heap", job!="wx-ingest"})', "max")], ""),
        ("GC pauses", "s", [q("rate(jvm_gc_pause_seconds_sum[$__rate_interval])", "{{action}} {{cause}}")],
         "Seconds of pause per second"),
        ("CPU", "percentunit", [q('process_cpu_usage{job!="wx-ingest"}', "GeoServer {{instance}}"),
                                q('process_cpu_usage{job="wx-ingest"}', "wx ingest"),
                                q('system_cpu_usage{job!="wx-ingest"}', "machine {{instance}}")], ""),
    ]),
]


def dashboard():
    panels, y, pid = [], 0, 1
    for title, row in ROWS:
        panels.append({"type": "row", "title": title, "id": pid, "collapsed": False,
                       "gridPos": {"h": 1, "w": 24, "x": 0, "y": y}})
        pid += 1
        y += 1
        for i, (ptitle, unit, targets, description) in enumerate(row):
            panels.append({
                "type": "timeseries", "title": ptitle, "id": pid, "datasource": DS, "description": description,
                "gridPos": {"h": 8, "w": 8, "x": (i % 3) * 8, "y": y + (i // 3) * 8},
                "fieldConfig": {"defaults": {"unit": unit, "custom": {"lineWidth": 1, "fillOpacity": 5}},
                                "overrides": []},
                "options": {"legend": {"displayMode": "list", "placement": "bottom"},
                            "tooltip": {"mode": "multi"}},
                "targets": [dict(t, refId=chr(65 + k)) for k, t in enumerate(targets)],
            })
            pid += 1
        y += ((len(row) + 2) // 3) * 8
    return {
        "__inputs": [{"name": "DS_PROMETHEUS", "label": "Prometheus", "type": "datasource",
                      "pluginId": "prometheus", "pluginName": "Prometheus"}],
        "__requires": [{"type": "grafana", "id": "grafana", "name": "Grafana", "version": "10.0.0"},
                       {"type": "datasource", "id": "prometheus", "name": "Prometheus", "version": "1.0.0"}],
        "title": "GeoServer weather tiles", "uid": "gs-weather", "tags": ["geoserver", "weather", "gs-weather"],
        "description": "Metrics of the gs-weather plugins (docs/metrics.md), scraped from /geoserver/rest/wx/metrics",
        "schemaVersion": 39, "version": 1, "editable": True, "refresh": "30s",
        "time": {"from": "now-3h", "to": "now"}, "timezone": "utc",
        "templating": {"list": []},
        "annotations": {"list": []},
        "panels": panels,
    }


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gs-weather-dashboard.json")
    with open(out, "w") as f:
        json.dump(dashboard(), f, indent=1)
        f.write("\n")
    print(f"wrote {out}: {sum(len(r) for _, r in ROWS)} panels")

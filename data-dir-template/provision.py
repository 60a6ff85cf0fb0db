#!/usr/bin/env python3
"""Rebuilds the catalog of data-dir-template/ (workspace wx, its stores, layers and tile layers) through
GeoServer's REST API, then writes it back into the template with stable, readable ids.

For maintainers adding or changing a sample layer: edit STORES / LAYERS below, then

    bin/start --reset --port 8097 &                       # a GeoServer on the template and WX_DATA
    data-dir-template/provision.py http://127.0.0.1:8097/geoserver WORKING_DATA_DIR

(WORKING_DATA_DIR is what bin/start prints as its data directory). Everything goes through REST as a user's script
would; the store URLs keep the ${WX_DATA} placeholder, which GeoServer expands when it reads them
(-DALLOW_ENV_PARAMETRIZATION=true). Layers get the stock raster style here: prepare.py assigns the styles/ SLDs.
Standard library only.
"""
import base64
import json
import os
import re
import shutil
import sys
import urllib.error
import urllib.request

TEMPLATE = os.path.dirname(os.path.abspath(__file__))
WX_DATA = "${WX_DATA}"

# store name -> (type, URL under WX_DATA). Patterns pick the sample files; .gz/.xz files are read directly.
STORES = {
    "mrms": ("Weather GRIB2", "grib2/grib-rs?pattern=MRMS_*.grib2*"),
    "hrrr": ("Weather GRIB2", "grib2/noaa?pattern=hrrr.*.grib2"),
    "gfs": ("Weather GRIB2", "grib2/pygrib?pattern=gfs.*.grib2"),
    "nam": ("Weather GRIB2", "grib2/noaa?pattern={*.awp211.grb2,eta.grib2}"),
    "cmc": ("Weather GRIB2", "grib2/grib-rs?pattern=CMC_glb_*.grib2"),
    "goes": ("Weather NetCDF", "netcdf/goes?pattern=OR_ABI-L1b-Rad*.nc"),
    "cf": ("Weather NetCDF", "netcdf/cf?pattern=air.nc"),
}

T, E, R = "time", "elevation", "run"
# layer name, store, native coverage, dimensions, title
LAYERS = [
    ("MRMS_REFL", "mrms", "ReflectivityAtLowestAltitude_GPML", [T],
     "MRMS radar reflectivity at the lowest altitude (dBZ)"),
    ("HRRR_TMP_SFC", "hrrr", "TMP_SFC", [T, R], "HRRR surface temperature"),
    ("GFS_TMP_2M", "gfs", "TMP_HTGL", [T, R], "GFS 2.5 deg temperature 2 m above ground"),
    ("GFS_TMP_ISBL", "gfs", "TMP_ISBL", [T, E, R], "GFS 2.5 deg temperature on pressure levels"),
    ("GFS_PRMSL", "gfs", "PRMSL_MSL", [T, R], "GFS 2.5 deg pressure reduced to mean sea level"),
    ("GFS_WIND_10M", "gfs", "WIND_HTGL", [T, R], "GFS 2.5 deg wind 10 m above ground"),
    ("GFS_WIND_ISBL", "gfs", "WIND_ISBL", [T, E, R], "GFS 2.5 deg wind on pressure levels"),
    ("GFS_APCP_6H", "gfs", "APCP_SFC_acc6h", [T, R], "GFS 2.5 deg total precipitation, 6-hour accumulation"),
    ("GFS_PRATE", "gfs", "PRATE_SFC_avg6h", [T, R], "GFS 2.5 deg precipitation rate, 6-hour average"),
    ("GFS_CAPE", "gfs", "CAPE_SFC", [T, R], "GFS 2.5 deg convective available potential energy"),
    ("GFS_RH_ISBL", "gfs", "RH_ISBL", [T, E, R], "GFS 2.5 deg relative humidity on pressure levels"),
    ("GFS_TCDC", "gfs", "TCDC_EATM_avg6h", [T, R], "GFS 2.5 deg total cloud cover, 6-hour average"),
    ("NAM_TMP_ISBL", "nam", "TMP_ISBL", [T, E, R], "NAM (AWIPS 211 Lambert) temperature on pressure levels"),
    ("NAM_PRMSL", "nam", "PRMSL_MSL", [T, R], "NAM (AWIPS 211 Lambert) pressure reduced to mean sea level"),
    ("NAM_WIND_ISBL", "nam", "WIND_ISBL", [T, E, R], "NAM (AWIPS 211 Lambert) wind on pressure levels"),
    ("NAM_APCP", "nam", "APCP_SFC_acc", [T, R], "NAM (AWIPS 211 Lambert) total precipitation since the run"),
    ("CMC_TMP_ISBL", "cmc", "TMP_ISBL", [T, E], "CMC GDPS temperature (1 hPa)"),
    ("GOES_C13", "goes", "BT_C13", [T],
     "GOES-17 ABI band 13 (10.3 um, clean infrared) brightness temperature, mesoscale"),
    ("GOES_C04", "goes", "REFL_C04", [T],
     "GOES-17 ABI band 4 (1.37 um, cirrus, reflected sunlight) reflectance factor, CONUS"),
    ("NCEP_AIR", "cf", "air", [T], "NCEP reanalysis air temperature (CF NetCDF, 124 times)"),
]

# Layers that open at a level other than the one nearest the ground: wind on pressure levels, whose default style draws
# the jet stream (isotachs from 50 kt), opens at 250 hPa, where the jet is.
DEFAULT_LEVELS = {"GFS_WIND_ISBL": 250, "NAM_WIND_ISBL": 250}

TILE_LAYER = """<GeoServerLayer><enabled>true</enabled><inMemoryCached>true</inMemoryCached><name>wx:{name}</name>
<mimeFormats><string>image/png</string></mimeFormats>
<gridSubsets><gridSubset><gridSetName>EPSG:900913</gridSetName></gridSubset>
<gridSubset><gridSetName>EPSG:4326</gridSetName></gridSubset></gridSubsets>
<metaWidthHeight><int>4</int><int>4</int></metaWidthHeight><expireCache>0</expireCache><expireClients>0</expireClients>
<parameterFilters><styleParameterFilter><key>STYLES</key><defaultValue></defaultValue></styleParameterFilter>
{filters}</parameterFilters><gutter>0</gutter></GeoServerLayer>"""

FILTER = "<weatherDimensionParameterFilter><key>{key}</key><layer>wx:{name}</layer></weatherDimensionParameterFilter>"


class GeoServer:
    def __init__(self, url, user, password):
        self.url = url.rstrip("/")
        self.auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    def call(self, method, path, body=None, ctype="text/xml", ok=(200, 201)):
        req = urllib.request.Request(self.url + path, data=body.encode() if body is not None else None, method=method)
        req.add_header("Authorization", self.auth)
        if body is not None:
            req.add_header("Content-Type", ctype)
        try:
            with urllib.request.urlopen(req, timeout=300) as r:
                status, text = r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read().decode(errors="replace")
        if status not in ok:
            sys.exit(f"provision: {method} {path} answered {status}: {text.strip()[:400]}")
        return text


def dimensions(dims, level=None):
    entries = ""
    if T in dims:
        entries += ('<entry key="time"><dimensionInfo><enabled>true</enabled><presentation>LIST</presentation>'
                    '<units>ISO8601</units><defaultValue><strategy>MAXIMUM</strategy></defaultValue>'
                    '</dimensionInfo></entry>')
    if E in dims:
        default = ("<strategy>MAXIMUM</strategy>" if level is None
                   else f"<strategy>NEAREST</strategy><referenceValue>{level}</referenceValue>")
        entries += ('<entry key="elevation"><dimensionInfo><enabled>true</enabled><presentation>LIST</presentation>'
                    f'<units>hPa</units><unitSymbol>hPa</unitSymbol><defaultValue>{default}'
                    '</defaultValue></dimensionInfo></entry>')
    if R in dims:
        entries += ('<entry key="custom_dimension_REFERENCE_TIME"><dimensionInfo><enabled>true</enabled>'
                    '<presentation>LIST</presentation><units>ISO8601</units>'
                    '<defaultValue><strategy>MAXIMUM</strategy></defaultValue></dimensionInfo></entry>')
    return f"<metadata>{entries}</metadata>"


def provision(gs):
    gs.call("POST", "/rest/namespaces", "<namespace><prefix>wx</prefix><uri>urn:x-gsweather:wx</uri></namespace>")
    for name, (type_, path) in STORES.items():
        gs.call("POST", "/rest/workspaces/wx/coveragestores",
                f"<coverageStore><name>{name}</name><type>{type_}</type><enabled>true</enabled>"
                f"<workspace>wx</workspace><url>file:{WX_DATA}/{path}</url></coverageStore>")
    for name, store, coverage, dims, title in LAYERS:
        # a coverage posted with its names alone is built in full (WCS formats, interpolations and SRS lists, band
        # descriptions), as the admin UI's Publish builds it; one posted with more is left without them
        gs.call("POST", f"/rest/workspaces/wx/coveragestores/{store}/coverages",
                f"<coverage><name>{name}</name><nativeCoverageName>{coverage}</nativeCoverageName></coverage>")
        gs.call("PUT", f"/rest/workspaces/wx/coveragestores/{store}/coverages/{name}",
                f"<coverage><title>{title}</title>{dimensions(dims, DEFAULT_LEVELS.get(name))}</coverage>", ok=(200,))
        keys = [k for k, d in (("TIME", T), ("ELEVATION", E), ("DIM_REFERENCE_TIME", R)) if d in dims]
        gs.call("PUT", f"/gwc/rest/layers/wx:{name}.xml",
                TILE_LAYER.format(name=name, filters="".join(FILTER.format(key=k, name=name) for k in keys)))
        print(f"provision: wx:{name} ({store}/{coverage}, {', '.join(dims)})", flush=True)


def stable_ids(data_dir):
    """Old id -> readable id, for everything under workspaces/wx."""
    ids = {}
    wx = os.path.join(data_dir, "workspaces", "wx")

    def read_id(path):
        with open(path) as f:
            m = re.search(r"<id>([^<]+)</id>", f.read())
        return m.group(1) if m else None

    ids[read_id(os.path.join(wx, "workspace.xml"))] = "WorkspaceInfoImpl-wx"
    ids[read_id(os.path.join(wx, "namespace.xml"))] = "NamespaceInfoImpl-wx"
    for store in STORES:
        ids[read_id(os.path.join(wx, store, "coveragestore.xml"))] = f"CoverageStoreInfoImpl-wx-{store}"
    for name, store, *_ in LAYERS:
        ids[read_id(os.path.join(wx, store, name, "coverage.xml"))] = f"CoverageInfoImpl-wx-{name}"
        ids[read_id(os.path.join(wx, store, name, "layer.xml"))] = f"LayerInfoImpl-wx-{name}"
    return ids


def normalised(text, ids):
    for old, new in ids.items():
        text = text.replace(old, new)
    text = re.sub(r"\s*<date(Created|Modified)>[^<]*</date(Created|Modified)>", "", text)
    return text if text.endswith("\n") else text + "\n"


def export(data_dir):
    ids = stable_ids(data_dir)
    src = os.path.join(data_dir, "workspaces", "wx")
    dst = os.path.join(TEMPLATE, "workspaces", "wx")
    shutil.rmtree(dst, ignore_errors=True)
    for root, _, files in os.walk(src):
        for f in files:
            rel = os.path.relpath(os.path.join(root, f), src)
            os.makedirs(os.path.dirname(os.path.join(dst, rel)), exist_ok=True)
            if f.endswith(".xml"):
                with open(os.path.join(root, f)) as i, open(os.path.join(dst, rel), "w") as o:
                    o.write(normalised(i.read(), ids))
    layers_dst = os.path.join(TEMPLATE, "gwc-layers")
    shutil.rmtree(layers_dst, ignore_errors=True)
    os.makedirs(layers_dst)
    for f in sorted(os.listdir(os.path.join(data_dir, "gwc-layers"))):
        with open(os.path.join(data_dir, "gwc-layers", f)) as i:
            text = normalised(i.read(), ids)
        m = re.search(r"<id>([^<]+)</id>", text)
        if m and m.group(1).startswith("LayerInfoImpl-wx-"):
            with open(os.path.join(layers_dst, m.group(1).replace(":", "_") + ".xml"), "w") as o:
                o.write(text)
    print(f"provision: wrote workspaces/wx and gwc-layers of {TEMPLATE} ({len(LAYERS)} layers)")
    print(json.dumps({"ids": len(ids)}))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    url, data_dir = sys.argv[1], sys.argv[2]
    gs = GeoServer(url, os.environ.get("GEOSERVER_ADMIN_USER", "admin"),
                   os.environ.get("GEOSERVER_ADMIN_PASSWORD", "geoserver"))
    existing = gs.call("GET", "/rest/workspaces/wx/coveragestores.json", ok=(200, 404))
    if '"coverageStore"' in existing:
        sys.exit("provision: workspace wx already has stores; start from a data directory without them "
                 "(bin/start --reset with an empty workspaces/wx in the template)")
    provision(gs)
    export(data_dir)


if __name__ == "__main__":
    main()

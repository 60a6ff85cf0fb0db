"""What the end-to-end scripts share: the list of checks that failed, HTTP against GeoServer with urllib, and the
pixels of an image.

check(ok, what, detail) prints one line, 'ok' or 'FAIL'; request(...) answers (status, body bytes, headers) for any
status, as a user's script sees it; rgba(png) gives an image's pixels (GDAL and numpy: python3-gdal, python3-numpy).
"""
import base64, urllib.error, urllib.request

ADMIN = "Basic " + base64.b64encode(b"admin:geoserver").decode()
failures = []


def check(ok, what, detail=""):
    print(("ok   " if ok else "FAIL ") + what + (": " + detail if detail else ""), flush=True)
    if not ok:
        failures.append(what)


def request(base, method, path, body=None, ctype="text/xml", auth=False, headers=None):
    """path is relative to base (GeoServer's URL) unless it is a whole URL; auth sends the admin's credentials."""
    url = path if path.startswith("http") else base + path
    req = urllib.request.Request(url, data=body.encode() if isinstance(body, str) else body, method=method)
    if auth:
        req.add_header("Authorization", ADMIN)
    if body is not None:
        req.add_header("Content-Type", ctype)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, r.read(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers


def rgba(png_bytes):
    """The pixels of an image (PNG) as an RGBA array of rows, read by GDAL; a palette is expanded."""
    import numpy as np
    from osgeo import gdal

    gdal.UseExceptions()  # an image GDAL cannot read fails the script with GDAL's message
    path = "/vsimem/e2e-image.png"
    gdal.FileFromMemBuffer(path, png_bytes)
    try:
        ds = gdal.Open(path)
        bands = [ds.GetRasterBand(i + 1).ReadAsArray() for i in range(ds.RasterCount)]
        table = ds.GetRasterBand(1).GetColorTable()  # the dataset's own: read before it is closed
        lut = None if table is None else [table.GetColorEntry(i) for i in range(table.GetCount())]
        ds = None
    finally:
        gdal.Unlink(path)
    if len(bands) == 1 and lut is not None:
        return np.array(lut, dtype=np.uint8)[bands[0]]
    if len(bands) <= 2:
        grey = bands[0]
        alpha = bands[1] if len(bands) == 2 else np.full_like(grey, 255)
        return np.dstack([grey, grey, grey, alpha])
    if len(bands) == 3:
        return np.dstack(bands + [np.full_like(bands[0], 255)])
    return np.dstack(bands)

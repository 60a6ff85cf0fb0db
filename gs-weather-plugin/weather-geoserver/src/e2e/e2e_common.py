"""What the end-to-end scripts share: the list of checks that failed, and HTTP against GeoServer with urllib.

check(ok, what, detail) prints one line, 'ok' or 'FAIL'; request(...) answers (status, body bytes, headers) for any
status, as a user's script sees it.
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

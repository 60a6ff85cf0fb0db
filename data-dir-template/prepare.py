#!/usr/bin/env python3
"""Makes a working GeoServer data directory from data-dir-template/, and brings a kept one up to date.

    prepare.py --out DIR [--styles DIR] [--security DIR] [--viewer DIR] [--reset]

- First run (or --reset): copies the template (without this script, provision.py, README.md, layer-styles.tsv);
  adds the security configuration GeoServer ships in its WAR (--security: the WAR's data/security) for the files
  the template does not have, as the official Docker image does.
- Every run:
  * installs every SLD of --styles (the repository's styles/) as a global style (styles/NAME.sld + NAME.xml), its
    content refreshed when the SLD changed;
  * gives each layer of layer-styles.tsv its default style and alternates when their SLDs exist; a layer whose
    default SLD does not exist yet gets the table's fallback, and moves to the SLD once it exists. A default style
    an administrator chose (one that is neither the fallback nor GeoServer's raster style) is left alone;
  * sets the administrator's password from GEOSERVER_ADMIN_PASSWORD (user GEOSERVER_ADMIN_USER, default admin), as
    a salted SHA-256 digest (GeoServer's digest1), when the variable is set;
  * copies the built map viewer (--viewer) to www/wx/.
Paths to the weather files and the Redis address are not written: the template holds ${WX_DATA}, ${REDIS_URL} and
${REDIS_PASSWORD}, which GeoServer reads from its environment (-DALLOW_ENV_PARAMETRIZATION=true).
Standard library only; one line on stderr and exit status 1 on any error.
"""
import argparse
import base64
import filecmp
import hashlib
import os
import re
import secrets
import shutil
import sys
import unicodedata
import xml.etree.ElementTree as ET

TEMPLATE = os.path.dirname(os.path.abspath(__file__))
NOT_DATA = {"prepare.py", "provision.py", "README.md", "layer-styles.tsv", "__pycache__"}
RASTER_ID = "StyleInfoImpl--570ae188:124761b8d78:-7fe2"  # GeoServer's stock raster style, kept by the template


class PrepareError(Exception):
    pass


def style_id(name):
    return RASTER_ID if name == "raster" else f"StyleInfoImpl-{name}"


def copy_template(out):
    def ignore(directory, names):
        return [n for n in names if directory == TEMPLATE and n in NOT_DATA]

    shutil.copytree(TEMPLATE, out, ignore=ignore)


def add_security(out, security):
    """Files of GeoServer's stock security configuration that the data directory lacks."""
    if security is None:
        return 0
    if not os.path.isfile(os.path.join(security, "config.xml")):
        raise PrepareError(f"--security {security} is no GeoServer security directory (no config.xml)")
    added = 0
    for root, _, files in os.walk(security):
        for f in files:
            rel = os.path.relpath(os.path.join(root, f), security)
            target = os.path.join(out, "security", rel)
            if not os.path.exists(target):
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copy2(os.path.join(root, f), target)
                added += 1
    return added


def install_styles(out, styles):
    """Every styles/*.sld as a global style; returns the names installed."""
    names = set()
    if styles is None or not os.path.isdir(styles):
        return names
    for f in sorted(os.listdir(styles)):
        if not f.endswith(".sld"):
            continue
        name = f[:-4]
        if not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
            raise PrepareError(f"styles/{f}: a style name may only hold letters, digits, '_', '.' and '-'")
        src = os.path.join(styles, f)
        with open(src, encoding="utf-8") as s:
            text = s.read()
        try:
            ET.fromstring(text.encode("utf-8"))
        except ET.ParseError as e:
            raise PrepareError(f"styles/{f} is not well-formed XML: {e}")
        version = "1.1.0" if re.search(r"<(\w+:)?StyledLayerDescriptor[^>]*version=\"1\.1\.0\"", text) else "1.0.0"
        target = os.path.join(out, "styles", f)
        if not os.path.exists(target) or not filecmp.cmp(src, target, shallow=False):
            shutil.copyfile(src, target)
        info = os.path.join(out, "styles", name + ".xml")
        if not os.path.exists(info):
            with open(info, "w", encoding="utf-8") as o:
                o.write(f"<style>\n  <id>{style_id(name)}</id>\n  <name>{name}</name>\n  <format>sld</format>\n"
                        f"  <languageVersion>\n    <version>{version}</version>\n  </languageVersion>\n"
                        f"  <filename>{f}</filename>\n</style>\n")
        names.add(name)
    return names


def read_table():
    rows = []
    with open(os.path.join(TEMPLATE, "layer-styles.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            cols = line.split()
            if len(cols) != 4:
                raise PrepareError(f"layer-styles.tsv line {n}: want layer, default, alternates, fallback; got {line!r}")
            layer, default, alternates, fallback = cols
            rows.append((layer, default, [] if alternates == "-" else alternates.split(","), fallback))
    return rows


def style_names(out):
    """Style id -> name of every global style of the data directory."""
    names = {}
    for f in os.listdir(os.path.join(out, "styles")):
        if f.endswith(".xml"):
            root = ET.parse(os.path.join(out, "styles", f)).getroot()
            if root.tag == "style" and root.find("id") is not None and root.find("workspace") is None:
                names[root.findtext("id")] = root.findtext("name")
    return names


def find_layer(out, layer):
    wx = os.path.join(out, "workspaces", "wx")
    for store in sorted(os.listdir(wx)) if os.path.isdir(wx) else []:
        path = os.path.join(wx, store, layer, "layer.xml")
        if os.path.exists(path):
            return path
    return None


def assign_styles(out, installed):
    available = style_names(out)
    by_name = {v: k for k, v in available.items()}
    report = []
    for layer, default, alternates, fallback in read_table():
        path = find_layer(out, layer)
        if path is None:
            print(f"prepare: layer-styles.tsv names {layer}, which this data directory does not have", file=sys.stderr)
            continue
        if fallback not in by_name:
            raise PrepareError(f"layer-styles.tsv: fallback style {fallback} of {layer} is not in the template")
        tree = ET.parse(path)
        root = tree.getroot()
        current = available.get(root.findtext("defaultStyle/id"))
        chosen = current
        if current in (None, "raster", fallback):
            chosen = default if default in installed else fallback
        alternates_now = [a for a in alternates if a in installed and a != chosen]
        styles = root.find("styles")
        existing = [available.get(s.findtext("id")) for s in styles.findall("style")] if styles is not None else []
        wanted = existing + [a for a in alternates_now if a not in existing]
        if chosen in wanted:
            wanted.remove(chosen)
        if chosen != current or wanted != existing:
            root.find("defaultStyle/id").text = by_name[chosen]
            if styles is None:
                styles = ET.Element("styles", {"class": "linked-hash-set"})
                root.insert(list(root).index(root.find("defaultStyle")) + 1, styles)
            for s in list(styles):
                styles.remove(s)
            for name in wanted:
                ET.SubElement(ET.SubElement(styles, "style"), "id").text = by_name[name]
            if not wanted:
                root.remove(styles)
            ET.indent(tree, "  ")
            tree.write(path, encoding="unicode")
            tile_layer_styles(out, root.findtext("id"), chosen, wanted)
        report.append((layer, chosen, wanted))
    return report


def tile_layer_styles(out, layer_id, default, alternates):
    """The STYLES parameter filter of the layer's GWC tile layer: default and legal styles, as GeoServer keeps them."""
    path = os.path.join(out, "gwc-layers", layer_id.replace(":", "_") + ".xml")
    if not os.path.exists(path):
        return
    tree = ET.parse(path)
    f = tree.getroot().find("parameterFilters/styleParameterFilter")
    if f is None:
        return
    for tag in ("availableStyles", "defaultStyle"):
        e = f.find(tag)
        if e is not None:
            f.remove(e)
    available = ET.SubElement(f, "availableStyles", {"class": "sorted-set"})
    for name in sorted(alternates):
        ET.SubElement(available, "string").text = name
    ET.SubElement(f, "defaultStyle").text = default
    ET.indent(tree, "  ")
    tree.write(path, encoding="unicode")


def digest1(password):
    """GeoServer's digest1: base64(salt + SHA-256 iterated 100,000 times over salt + password), 16-byte salt."""
    salt = secrets.token_bytes(16)
    d = hashlib.sha256(salt + unicodedata.normalize("NFC", password).encode("utf-8")).digest()
    for _ in range(99_999):
        d = hashlib.sha256(d).digest()
    return "digest1:" + base64.b64encode(salt + d).decode("ascii")


def set_admin(out, user, password):
    users = os.path.join(out, "security", "usergroup", "default", "users.xml")
    roles = os.path.join(out, "security", "role", "default", "roles.xml")
    if not os.path.exists(users) or not os.path.exists(roles):
        raise PrepareError("GEOSERVER_ADMIN_PASSWORD is set but the data directory has no security/usergroup/default/"
                           "users.xml; give --security (the WAR's data/security)")
    if not re.fullmatch(r"[A-Za-z0-9_.@-]+", user):
        raise PrepareError(f"GEOSERVER_ADMIN_USER '{user}': use letters, digits and _ . @ - only")
    with open(users, encoding="utf-8") as f:
        text = f.read()
    hashed = digest1(password)
    named = re.search(r'<user [^>]*name="' + re.escape(user) + r'"[^>]*/>', text)
    target = named or re.search(r'<user [^>]*name="admin"[^>]*/>', text)
    if target is None:
        raise PrepareError(f"{users} has neither user {user} nor admin to set the password of")
    entry = re.sub(r'name="[^"]*"', f'name="{user}"', target.group(0))
    entry = re.sub(r'password="[^"]*"', f'password="{hashed}"', entry)
    text = text[: target.start()] + entry + text[target.end():]
    with open(users, "w", encoding="utf-8") as f:
        f.write(text)
    if named:
        return
    with open(roles, encoding="utf-8") as f:
        r = f.read()
    r = r.replace('<userRoles username="admin">', f'<userRoles username="{user}">', 1)
    with open(roles, "w", encoding="utf-8") as f:
        f.write(r)


def install_viewer(out, viewer):
    if viewer is None:
        return False
    if not os.path.isfile(os.path.join(viewer, "index.html")):
        raise PrepareError(f"--viewer {viewer} has no index.html (build it with viewer/build)")
    target = os.path.join(out, "www", "wx")
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(viewer, target)
    return True


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", required=True)
    p.add_argument("--styles")
    p.add_argument("--security")
    p.add_argument("--viewer")
    p.add_argument("--reset", action="store_true")
    a = p.parse_args()
    out = os.path.abspath(a.out)
    try:
        if a.reset and os.path.exists(out):
            shutil.rmtree(out)
        created = not os.path.exists(os.path.join(out, "global.xml"))
        if created:
            if os.path.exists(out) and os.listdir(out):
                raise PrepareError(f"{out} is not empty and holds no global.xml; give an empty directory or --reset")
            if os.path.exists(out):
                os.rmdir(out)
            copy_template(out)
        added = add_security(out, a.security)
        installed = install_styles(out, a.styles)
        report = assign_styles(out, installed)
        password = os.environ.get("GEOSERVER_ADMIN_PASSWORD")
        if password:
            set_admin(out, os.environ.get("GEOSERVER_ADMIN_USER") or "admin", password)
        viewer = install_viewer(out, a.viewer)
    except (PrepareError, OSError, ET.ParseError) as e:
        print(f"prepare: {e}", file=sys.stderr)
        return 1
    fallback = [layer for layer, chosen, _ in report if chosen in ("raster", "raster-first-band")]
    print(f"prepare: data directory {out} ({'created from the template' if created else 'kept'}"
          f"{', ' + str(added) + ' security files added' if added else ''}); {len(installed)} styles from styles/; "
          f"{len(report) - len(fallback)} of {len(report)} layers on their weather style"
          + (f" ({len(fallback)} on a fallback until their SLD exists)" if fallback else "")
          + ("; admin password from GEOSERVER_ADMIN_PASSWORD" if password else "")
          + ("; viewer in www/wx" if viewer else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""QGIS (python3-qgis, headless) as a user's client of the weather layers: adds a WMTS layer with a TIME dimension
and a WMS-T layer as QGIS' data source manager writes them, picks a time in the map's temporal range (what the
temporal controller does), and renders each map to PNG; then a plain WMS layer zoomed out beyond the world.

Usage: QT_QPA_PLATFORM=offscreen python3 qgis_client.py GEOSERVER_URL OUT_DIR WMS_LAYER WMS_STYLE WMS_TIME BBOX4326
       WMTS_LAYER WMTS_STYLE WMTS_TIME WMTS_EXTENT3857 SIZE TALL_LAYER
(TALL_LAYER: a WMS layer drawn with its default style, the whole world on a canvas half as wide, taller than the
world.)
Prints one JSON line: whether each layer is valid, render errors, the extent QGIS drew and where its PNG is.
(Only plain values leave the render function: the errors of a finished QGIS job must not outlive it.)
"""
import json
import os
import sys
import urllib.parse

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsDateTimeRange, QgsMapRendererSequentialJob,
                       QgsMapSettings, QgsRasterLayer, QgsRectangle)
from qgis.PyQt.QtCore import QDateTime, QSize, Qt
from qgis.PyQt.QtGui import QColor

gs, out, wms_layer, wms_style, wms_time, bbox, wmts_layer, wmts_style, wmts_time, extent, size, tall_layer = sys.argv[1:13]
w, h = (int(v) for v in size.split("x"))

app = QgsApplication([], False)
app.initQgis()


def render(layer, crs, rect, time=None):
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(QgsCoordinateReferenceSystem(crs))
    settings.setExtent(rect)
    settings.setOutputSize(QSize(w, h))
    settings.setBackgroundColor(QColor(0, 0, 0, 0))
    settings.setFlag(settings.Antialiasing, False)
    if time is not None:
        t = QDateTime.fromString(time.replace(".000Z", "Z"), Qt.ISODate)
        settings.setIsTemporal(True)
        settings.setTemporalRange(QgsDateTimeRange(t, t))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    v = settings.visibleExtent()
    return job.renderedImage(), [e.layerID + ": " + e.message for e in job.errors()], [
        v.xMinimum(), v.yMinimum(), v.xMaximum(), v.yMaximum()]


report = {}

# WMS-T: what "Add WMS/WMTS layer" writes for a layer with a time dimension, with the temporal controller active
wms_uri = urllib.parse.urlencode({
    "crs": "EPSG:4326", "dpiMode": "7", "format": "image/png", "layers": wms_layer, "styles": wms_style,
    "url": gs + "/wms", "type": "wmst", "allowTemporalUpdates": "true", "temporalSource": "provider",
    "timeDimensionExtent": "", "enableTime": "true"}, safe=":/")
wms = QgsRasterLayer(wms_uri, "wms-t", "wms")
tp = wms.temporalProperties()
tp.setIsActive(True)
x0, y0, x1, y1 = (float(v) for v in bbox.split(","))
image, errors, visible = render(wms, "EPSG:4326", QgsRectangle(x0, y0, x1, y1), wms_time)
path = os.path.join(out, "qgis-wms-t.png")
image.save(path)
report["wms"] = {"valid": wms.isValid(), "png": path, "render_errors": errors, "extent": visible}

# WMTS from the capabilities document, tile matrix set EPSG:900913, the TIME dimension of the tile requests
wmts_uri = urllib.parse.urlencode({
    "contextualWMSLegend": "0", "crs": "EPSG:3857", "dpiMode": "7", "format": "image/png", "layers": wmts_layer,
    "styles": wmts_style, "tileMatrixSet": "EPSG:900913",
    "tileDimensions": "TIME=" + wmts_time, "url": gs + "/gwc/service/wmts?REQUEST=GetCapabilities"}, safe=":/?")
wmts = QgsRasterLayer(wmts_uri, "wmts", "wms")
x0, y0, x1, y1 = (float(v) for v in extent.split(","))
image, errors, visible = render(wmts, "EPSG:3857", QgsRectangle(x0, y0, x1, y1))
path = os.path.join(out, "qgis-wmts.png")
image.save(path)
report["wmts"] = {"valid": wmts.isValid(), "png": path, "extent": visible,
                  "render_errors": errors}

# a plain WMS layer with its default (wx:) style on a canvas taller than the world: zoomed out in EPSG:4326, QGIS
# asks for latitudes beyond 90 degrees
tall_uri = urllib.parse.urlencode({
    "crs": "EPSG:4326", "dpiMode": "7", "format": "image/png", "layers": tall_layer, "styles": "",
    "url": gs + "/wms"}, safe=":/")
tall = QgsRasterLayer(tall_uri, "wms-tall", "wms")
w, h = w // 2, h
image, errors, visible = render(tall, "EPSG:4326", QgsRectangle(-180, -90, 180, 90))
path = os.path.join(out, "qgis-wms-tall.png")
image.save(path)
report["tall"] = {"valid": tall.isValid(), "png": path, "extent": visible, "render_errors": errors}
print(json.dumps(report), flush=True)
app.exitQgis()

// The gs-weather map viewer: the wx: layers of this GeoServer over WMTS (tiles from GWC's shared cache), with the
// TIME, ELEVATION and DIM_REFERENCE_TIME values WMTS capabilities list, a legend from GetLegendGraphic and the value
// under a click from GetFeatureInfo. Served by GeoServer itself from the data directory's www/wx/.
import 'ol/ol.css';
import './style.css';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import Overlay from 'ol/Overlay.js';
import TileLayer from 'ol/layer/Tile.js';
import Graticule from 'ol/layer/Graticule.js';
import OSM from 'ol/source/OSM.js';
import TileWMS from 'ol/source/TileWMS.js';
import WMTS, {optionsFromCapabilities} from 'ol/source/WMTS.js';
import WMTSCapabilities from 'ol/format/WMTSCapabilities.js';
import Stroke from 'ol/style/Stroke.js';
import {transformExtent} from 'ol/proj.js';

const GEOSERVER = new URL('../../', window.location.href).href; // the page is GEOSERVER/www/wx/index.html
const MATRIX_SET = 'EPSG:900913';
const query = new URLSearchParams(window.location.search);
const REFRESH_SECONDS = Number(query.get('refresh') || 30);
const FRAME_MILLIS = Number(query.get('frame') || 700);

const $ = (id) => document.getElementById(id);
const state = {
  capabilities: null,
  layer: null, // WMTS layer identifier, e.g. wx:GFS_TMP_ISBL
  dimensions: {}, // identifier -> {values: [...], default}
  time: null,
  elevation: null,
  run: '',
  style: '',
  playing: false,
  frames: 0,
  tileErrors: 0,
};

const weather = new TileLayer({opacity: 0.85});
const osm = new TileLayer({source: new OSM(), visible: false});
const graticule = new Graticule({strokeStyle: new Stroke({color: 'rgba(40,50,60,0.35)', width: 0.6}), showLabels: true});
const info = new Overlay({element: $('info'), offset: [12, 12]});
const map = new Map({
  target: 'map',
  layers: [osm, weather, graticule],
  overlays: [info],
  view: new View({center: [-10500000, 4500000], zoom: 3}),
});

function status(text) {
  $('status').textContent = text;
}

function layerInfo(id) {
  return state.capabilities.Contents.Layer.find((l) => l.Identifier === id);
}

function weatherLayers() {
  return state.capabilities.Contents.Layer.filter((l) => l.Identifier.startsWith('wx:')).sort((a, b) =>
    a.Identifier.localeCompare(b.Identifier));
}

async function loadCapabilities() {
  const response = await fetch(GEOSERVER + 'gwc/service/wmts?SERVICE=WMTS&REQUEST=GetCapabilities&VERSION=1.0.0', {
    cache: 'no-store',
  });
  if (!response.ok) {
    throw new Error('WMTS capabilities: HTTP ' + response.status);
  }
  return new WMTSCapabilities().read(await response.text());
}

function dimensionsOf(layer) {
  const out = {};
  for (const d of layer.Dimension || []) {
    out[d.Identifier] = {values: d.Value || [], default: d.Default};
  }
  out.TIME && out.TIME.values.sort();
  out.DIM_REFERENCE_TIME && out.DIM_REFERENCE_TIME.values.sort().reverse();
  out.ELEVATION && out.ELEVATION.values.sort((a, b) => Number(b) - Number(a));
  return out;
}

function renderLayerList() {
  const list = $('layer-list');
  list.replaceChildren();
  for (const l of weatherLayers()) {
    const label = document.createElement('label');
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'layer';
    radio.value = l.Identifier;
    radio.checked = l.Identifier === state.layer;
    radio.addEventListener('change', () => selectLayer(l.Identifier));
    label.title = l.Title || '';
    label.append(radio, ' ' + l.Identifier.replace(/^wx:/, ''));
    list.append(label);
  }
  $('layer-title').textContent = state.layer ? layerInfo(state.layer).Title || '' : '';
}

function fillSelect(select, values, selected, labels) {
  select.replaceChildren();
  for (const v of values) {
    const o = document.createElement('option');
    o.value = v;
    o.textContent = labels ? labels(v) : v;
    o.selected = v === selected;
    select.append(o);
  }
  select.disabled = values.length <= 1;
  select.parentElement && select.classList.toggle('disabled', values.length <= 1);
}

function pick(values, current, fallback) {
  if (current !== null && values.includes(current)) {
    return current;
  }
  return values.includes(fallback) ? fallback : values[values.length - 1] ?? null;
}

function updateControls() {
  const dims = state.dimensions;
  const times = dims.TIME ? dims.TIME.values : [];
  state.time = times.length ? pick(times, state.time, dims.TIME.default) : null;
  const slider = $('time-slider');
  slider.max = Math.max(0, times.length - 1);
  slider.value = Math.max(0, times.indexOf(state.time));
  slider.disabled = times.length <= 1;
  $('play').disabled = times.length <= 1;
  $('time-label').textContent = state.time ? state.time.replace('T', ' ').replace(':00.000Z', 'Z') : '(no time)';
  $('time-count').textContent = times.length ? `${slider.value * 1 + 1} of ${times.length} times` : '';

  const runs = dims.DIM_REFERENCE_TIME ? dims.DIM_REFERENCE_TIME.values : [];
  if (!runs.includes(state.run)) {
    state.run = '';
  }
  fillSelect($('run-select'), [''].concat(runs), state.run, (v) => (v ? 'run ' + v.replace(':00.000Z', 'Z') :
    runs.length ? 'newest run' : '(one run)'));
  $('run-select').disabled = runs.length === 0;

  const levels = dims.ELEVATION ? dims.ELEVATION.values : [];
  state.elevation = levels.length ? pick(levels, state.elevation, dims.ELEVATION.default) : null;
  fillSelect($('level-select'), levels.length ? levels : ['-'], state.elevation ?? '-', (v) =>
    v === '-' ? '(one level)' : v + ' hPa');

  const styles = (layerInfo(state.layer).Style || []).map((s) => s.Identifier);
  const defaultStyle = (layerInfo(state.layer).Style || []).find((s) => s.isDefault)?.Identifier || styles[0] || '';
  state.style = styles.includes(state.style) ? state.style : defaultStyle;
  fillSelect($('style-select'), styles.length ? styles : [''], state.style);
}

function dimensionParams() {
  const p = {};
  if (state.time) p.TIME = state.time;
  if (state.elevation !== null && state.dimensions.ELEVATION) p.ELEVATION = state.elevation;
  if (state.dimensions.DIM_REFERENCE_TIME) p.DIM_REFERENCE_TIME = state.run;
  return p;
}

function updateLegend() {
  const url = new URL(GEOSERVER + 'wms');
  url.search = new URLSearchParams({
    SERVICE: 'WMS', VERSION: '1.1.1', REQUEST: 'GetLegendGraphic', FORMAT: 'image/png', WIDTH: '20', HEIGHT: '20',
    LAYER: state.layer, STYLE: state.style, LEGEND_OPTIONS: 'fontAntiAliasing:true;fontSize:11;dx:4',
  }).toString();
  $('legend').src = url.href;
}

function rebuildSource() {
  const options = optionsFromCapabilities(state.capabilities, {
    layer: state.layer, matrixSet: MATRIX_SET, format: 'image/png', style: state.style,
  });
  // optionsFromCapabilities matches a style by its Title, not its Identifier, and falls back to the first style
  options.style = state.style || options.style;
  options.dimensions = dimensionParams();
  options.transition = 0;
  const source = new WMTS(options);
  source.on('tileloaderror', () => {
    state.tileErrors++;
    status(`${state.tileErrors} tiles could not be loaded (see GeoServer's log)`);
  });
  weather.setSource(source);
}

function refreshTiles() {
  const source = weather.getSource();
  if (source) {
    source.updateDimensions(dimensionParams());
  }
  updateControls();
}

function selectLayer(id) {
  pause();
  state.layer = id;
  state.dimensions = dimensionsOf(layerInfo(id));
  state.time = null;
  state.elevation = null;
  state.run = '';
  state.style = '';
  updateControls();
  rebuildSource();
  updateLegend();
  renderLayerList();
  info.setPosition(undefined);
  const box = layerInfo(id).WGS84BoundingBox;
  if (box && query.get('fit') !== 'no') {
    const extent = transformExtent([box[0], Math.max(box[1], -80), box[2], Math.min(box[3], 80)], 'EPSG:4326',
      'EPSG:3857');
    map.getView().fit(extent, {padding: [20, 20, 20, 20], maxZoom: 7});
  }
  history.replaceState(null, '', '?' + new URLSearchParams({...Object.fromEntries(query), layer: id}));
}

function setTimeIndex(i) {
  const times = state.dimensions.TIME ? state.dimensions.TIME.values : [];
  if (!times.length) return;
  state.time = times[((i % times.length) + times.length) % times.length];
  refreshTiles();
}

function play() {
  if (state.playing || !state.dimensions.TIME || state.dimensions.TIME.values.length < 2) return;
  state.playing = true;
  $('play').innerHTML = '&#10074;&#10074;';
  $('play').setAttribute('aria-label', 'Pause');
  const step = () => {
    if (!state.playing) return;
    setTimeIndex(state.dimensions.TIME.values.indexOf(state.time) + 1);
    // the next frame once this one is drawn: tiles of a new time are rendered (or read from the cache) first
    map.once('rendercomplete', () => {
      state.frames++;
      setTimeout(step, FRAME_MILLIS);
    });
    map.render();
  };
  step();
}

function pause() {
  state.playing = false;
  $('play').innerHTML = '&#9654;';
  $('play').setAttribute('aria-label', 'Play');
}

async function showValue(event) {
  const view = map.getView();
  const wms = new TileWMS({url: GEOSERVER + 'wms', params: {LAYERS: state.layer, STYLES: state.style, VERSION: '1.3.0'}});
  const url = wms.getFeatureInfoUrl(event.coordinate, view.getResolution(), view.getProjection(), {
    INFO_FORMAT: 'application/json', ...dimensionParams(),
  });
  const element = $('info');
  try {
    const response = await fetch(url);
    const json = await response.json();
    const p = json.features && json.features[0] ? json.features[0].properties : null;
    if (!p || p.status !== 'value') {
      element.textContent = p ? p.status : 'no value here';
    } else {
      const round = (x) => (Math.abs(x) >= 100 ? x.toFixed(1) : x.toPrecision(4));
      const main = p.speed !== undefined
        ? `${round(p.speed)} ${p.units} from ${Math.round(p.direction_from)}&deg;`
        : `${round(p.value)} ${p.units}`;
      element.innerHTML = `<b class="value" data-value="${p.value ?? p.speed}">${main}</b><br>${p.parameter}` +
        (p.level ? `, ${p.level}` : '') + `<br>valid ${p.valid_time}` + (p.reference_time ? `<br>run ${p.reference_time}` : '');
    }
  } catch (e) {
    element.textContent = 'GetFeatureInfo failed: ' + e.message;
  }
  element.hidden = false;
  info.setPosition(event.coordinate);
}

async function refreshCapabilities() {
  try {
    state.capabilities = await loadCapabilities();
    if (state.layer && layerInfo(state.layer)) {
      state.dimensions = dimensionsOf(layerInfo(state.layer));
      updateControls();
    }
  } catch (e) {
    status('Could not refresh the capabilities: ' + e.message);
  }
}

async function start() {
  try {
    state.capabilities = await loadCapabilities();
  } catch (e) {
    status('Could not read the WMTS capabilities: ' + e.message);
    return;
  }
  const layers = weatherLayers();
  if (!layers.length) {
    status('This GeoServer has no wx: layers with tile caching.');
    return;
  }
  const wanted = query.get('layer') || 'wx:NCEP_AIR';
  selectLayer(layers.some((l) => l.Identifier === wanted) ? wanted : layers[0].Identifier);
  document.querySelector('#layer-list input:checked')?.scrollIntoView({block: 'nearest'});
  $('time-slider').addEventListener('input', (e) => {
    pause();
    setTimeIndex(Number(e.target.value));
  });
  $('play').addEventListener('click', () => (state.playing ? pause() : play()));
  $('run-select').addEventListener('change', (e) => {
    state.run = e.target.value;
    refreshTiles();
  });
  $('level-select').addEventListener('change', (e) => {
    state.elevation = e.target.value;
    refreshTiles();
  });
  $('style-select').addEventListener('change', (e) => {
    state.style = e.target.value;
    rebuildSource();
    updateLegend();
  });
  $('osm').addEventListener('change', (e) => osm.setVisible(e.target.checked));
  map.on('singleclick', showValue);
  setInterval(refreshCapabilities, REFRESH_SECONDS * 1000);
  status(`${layers.length} layers; capabilities refreshed every ${REFRESH_SECONDS} s`);
}

// for scripts and tests (playwright): the map and the same actions as the controls
window.wxViewer = {map, state, selectLayer, setTimeIndex, play, pause, refreshCapabilities, showValue};
start();

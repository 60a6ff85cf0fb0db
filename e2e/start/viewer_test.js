// The map viewer (GEOSERVER/www/wx/index.html) in headless Chromium, as a person uses it.
//   node viewer_test.js test GEOSERVER_URL OUT_DIR LON LAT TIME_INDEX EXPECTED_VALUE
//       every layer draws (non-blank map canvas), play advances the time, a click shows the value wx locate gives,
//       screenshots into OUT_DIR
//   node viewer_test.js watch GEOSERVER_URL LAYER TIME
//       prints "ready" once the page is open, then waits until TIME shows up in the slider (capabilities refresh)
// One line per check: ok or FAIL. Needs playwright-core (NODE_PATH) and Chromium (CHROMIUM, default /usr/bin/chromium).
const { chromium } = require('playwright-core');

const [mode, gs, ...rest] = process.argv.slice(2);
let failures = 0;
function check(ok, what, detail) {
  console.log((ok ? 'ok   ' : 'FAIL ') + what + (detail ? ': ' + detail : ''));
  if (!ok) failures++;
}

async function open(browser, query) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.tiles = [];
  page.on('request', (r) => { if (/Request=GetTile/i.test(r.url())) page.tiles.push(new URL(r.url())); });
  await page.goto(`${gs}/www/wx/index.html?${query}`);
  await page.waitForFunction(() => window.wxViewer && window.wxViewer.state.layer, null, { timeout: 60000 });
  return { page, errors };
}

// waits until the map has drawn everything it asked for, then counts the weather layer's non-transparent pixels
async function drawn(page) {
  await page.evaluate(() => new Promise((resolve) => {
    window.wxViewer.map.once('rendercomplete', () => resolve(true));
    window.wxViewer.map.render();
  }));
  return page.evaluate(() => {
    const canvases = [...document.querySelectorAll('#map canvas')];
    let best = 0;
    for (const c of canvases) {
      if (!c.width || !c.height) continue;
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      best = Math.max(best, n / (c.width * c.height));
    }
    return best;
  });
}

/** Waits until the legend image of the current layer and style has loaded (it loads after the tiles). */
async function legendLoaded(page) {
  await page.waitForFunction(() => {
    const img = document.getElementById('legend');
    const { layer, style } = window.wxViewer.state;
    return img.complete && img.naturalWidth > 0 && img.src.includes(encodeURIComponent(layer))
      && (!style || img.src.includes(encodeURIComponent(style)));
  }, null, { timeout: 30000 });
}

async function test(out, lon, lat, timeIndex, expected) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const { page, errors } = await open(browser, 'layer=wx:NCEP_AIR');
    check(errors.length === 0, 'viewer page loads (OpenLayers bundle, WMTS capabilities)', errors.join('; '));
    const layers = await page.evaluate(() => [...document.querySelectorAll('#layer-list input')].map((i) => i.value));
    const blank = [];
    for (const layer of layers) {
      await page.click(`#layer-list input[value="${layer}"]`);
      const share = await drawn(page);
      if (!(share > 0.01)) blank.push(`${layer} ${share.toFixed(3)}`);
    }
    check(layers.length === 20 && blank.length === 0, 'a frame of each layer draws (non-blank canvas)',
      blank.length ? 'blank: ' + blank.join(', ') : `${layers.length} layers`);

    await page.click('#layer-list input[value="wx:NCEP_AIR"]');
    await drawn(page);
    const before = await page.evaluate(() => window.wxViewer.state.time);
    await page.click('#play');
    await page.waitForFunction(() => window.wxViewer.state.frames >= 3, null, { timeout: 120000 });
    await page.click('#play');
    const after = await page.evaluate(() => ({ time: window.wxViewer.state.time, frames: window.wxViewer.state.frames,
      label: document.getElementById('time-label').textContent, slider: document.getElementById('time-slider').value }));
    check(after.time !== before && after.frames >= 3, 'play advances the time (slider, label, tiles)',
      `${before} -> ${after.time} after ${after.frames} frames, slider at ${after.slider}, label ${after.label}`);

    page.tiles.length = 0;
    await page.evaluate((i) => window.wxViewer.setTimeIndex(i), timeIndex);
    await drawn(page);
    await legendLoaded(page);
    const chosen = await page.evaluate(() => document.getElementById('style-select').value);
    const styles = [...new Set(page.tiles.map((u) => u.searchParams.get('style')))];
    check(page.tiles.length > 0 && styles.length === 1 && styles[0] === chosen,
      'the tiles are of the style the style selector shows', `${chosen}: ${page.tiles.length} tiles of ${styles.join(', ')}`);
    await page.screenshot({ path: `${out}/viewer-ncep-air.png` });
    const pixel = await page.evaluate(([x, y]) => {
      const { fromLonLat } = { fromLonLat: (c) => [c[0] * 20037508.342789244 / 180,
        Math.log(Math.tan((90 + c[1]) * Math.PI / 360)) * 6378137] };
      const p = window.wxViewer.map.getPixelFromCoordinate(fromLonLat([x, y]));
      const r = document.getElementById('map').getBoundingClientRect();
      return [p[0] + r.left, p[1] + r.top];
    }, [lon, lat]);
    await page.mouse.click(pixel[0], pixel[1]);
    await page.waitForSelector('#info .value', { timeout: 30000 });
    const shown = await page.evaluate(() => ({ value: Number(document.querySelector('#info .value').dataset.value),
      text: document.getElementById('info').innerText.replace(/\n/g, ' | ') }));
    check(Math.abs(shown.value - expected) < 1e-3, 'a click shows the value wx locate gives',
      `${shown.value} vs ${expected} (${shown.text})`);
    await page.screenshot({ path: `${out}/viewer-value.png` });

    await page.click('#layer-list input[value="wx:GFS_TMP_ISBL"]');
    await page.selectOption('#level-select', '500');
    const share = await drawn(page);
    const levels = await page.evaluate(() => document.querySelectorAll('#level-select option').length);
    check(share > 0.5 && levels === 26, 'level selector: GFS temperature at 500 hPa of 26 levels', share.toFixed(2));
    await legendLoaded(page);
    await page.screenshot({ path: `${out}/viewer-gfs-500hpa.png` });

    await page.click('#layer-list input[value="wx:NAM_TMP_ISBL"]');
    const runs = await page.evaluate(() => [...document.querySelectorAll('#run-select option')].map((o) => o.value));
    await page.selectOption('#run-select', runs[runs.length - 1]);
    const runShare = await drawn(page);
    // the legend of the new layer loads after the map: wait for it (0 if it never comes)
    const legend = await legendLoaded(page).then(
      () => page.evaluate(() => document.getElementById('legend').naturalWidth), () => 0);
    check(runs.length >= 3 && legend > 0, 'run selector lists the model runs; the legend comes from GetLegendGraphic',
      `runs ${runs.filter((r) => r).join(', ')}; legend ${legend} px wide; drawn ${runShare.toFixed(2)}`);

    await page.click('#layer-list input[value="wx:MRMS_REFL"]');
    await drawn(page);
    await legendLoaded(page);
    await page.screenshot({ path: `${out}/viewer-mrms.png` });
  } catch (e) {
    check(false, 'viewer test', e.message);
  } finally {
    await browser.close();
  }
}

async function watch(layer, time) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const { page } = await open(browser, `layer=${encodeURIComponent(layer)}&refresh=2`);
    const before = await page.evaluate(() => window.wxViewer.state.dimensions.TIME.values.length);
    console.log('ready');
    const t0 = Date.now();
    await page.waitForFunction((t) => window.wxViewer.state.dimensions.TIME.values.includes(t), time,
      { timeout: 90000, polling: 200 });
    const after = await page.evaluate(() => ({ n: window.wxViewer.state.dimensions.TIME.values.length,
      max: document.getElementById('time-slider').max }));
    console.log(`ok   ${time} in the slider of ${layer} ${((Date.now() - t0) / 1000).toFixed(1)} s after the page ` +
      `was ready (${before} -> ${after.n} times, slider max ${after.max})`);
  } catch (e) {
    console.log('FAIL the new time did not reach the slider: ' + e.message);
    failures++;
  } finally {
    await browser.close();
  }
}

(async () => {
  if (mode === 'test') {
    await test(rest[0], Number(rest[1]), Number(rest[2]), Number(rest[3]), Number(rest[4]));
  } else if (mode === 'watch') {
    await watch(rest[0], rest[1]);
  } else {
    console.log('usage: viewer_test.js test|watch ...');
    failures++;
  }
  process.exitCode = failures ? 1 : 0;
})();

// The weather stores through GeoServer's web admin, as a person would (headless Chromium):
// New data source lists "Weather GRIB2" and "Weather NetCDF"; a store on a missing path or a file of the other
// format is refused with one line; the same store on the right directory lists its coverages to publish; Tile Caching > Weather
// dimensions adds the TIME filter to a layer's tile layer. Screenshots into OUT_DIR.
// Usage: node e2e_ui.js GEOSERVER_URL WEATHER_DIR OUT_DIR
const { chromium } = require('playwright-core');

const [gs, weather, out] = process.argv.slice(2);

function ok(what, detail) { console.log(`ok   ${what}${detail ? ': ' + detail : ''}`); }

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${gs}/web/`);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'geoserver');
    await Promise.all([page.waitForNavigation(), page.click('form[action*="j_spring_security_check"] button, form[action*="j_spring_security_check"] input[type=submit]')]);

    await page.goto(`${gs}/web/wicket/bookmarkable/org.geoserver.web.data.store.NewDataPage`);
    const links = (await page.locator('a').allTextContents()).map(t => t.trim());
    if (!links.includes('Weather GRIB2') || !links.includes('Weather NetCDF')) {
      throw new Error('New data source does not list the weather stores: ' + JSON.stringify(links.filter(l => l)));
    }
    ok('New data source lists Weather GRIB2 and Weather NetCDF');
    await page.screenshot({ path: `${out}/ui-new-data-source.png` });

    await page.click('a:has-text("Weather GRIB2")');
    await page.waitForSelector('input[name="namePanel:border:border_body:paramValue"]');
    await page.selectOption('select[name="workspacePanel:border:border_body:paramValue"]', { label: 'wx' });
    await page.fill('input[name="namePanel:border:border_body:paramValue"]', 'ui_nam');
    for (const [url, reason] of [[`file:${weather}/nowhere`, 'Could not find file'],
                                 [`file:${weather}/cf/air.nc`, 'is a NetCDF file: create a Weather NetCDF store for it']]) {
      await page.fill('input[name="parametersPanel:urlPanel:border:border_body:paramValue"]', url);
      await page.click('a:has-text("Save"), input[value="Save"]');
      const error = page.locator('.feedbackPanel li, .feedbackPanelERROR', { hasText: reason });
      await error.first().waitFor({ timeout: 20000 });
      ok('the store form refuses ' + url.replace(weather, 'WEATHER'), (await error.first().textContent()).trim());
    }
    await page.screenshot({ path: `${out}/ui-store-refused.png` });

    await page.fill('input[name="parametersPanel:urlPanel:border:border_body:paramValue"]', `file:${weather}/nam`);
    await page.click('a:has-text("Save"), input[value="Save"]');
    await page.locator('text=Click on the layer you wish to configure').waitFor({ timeout: 60000 });
    await page.fill('input[placeholder="Search"], input[type=search], .filter input[type=text]', 'TMP_');
    await page.keyboard.press('Enter');
    await page.locator('td', { hasText: 'TMP_ISBL' }).first().waitFor({ timeout: 20000 });
    ok('the saved store lists its coverages to publish', (await page.locator('text=/Results .* items/').first().textContent()).trim());
    await page.screenshot({ path: `${out}/ui-new-layer.png` });

    await page.goto(`${gs}/web/wicket/bookmarkable/org.gsweather.geoserver.web.WeatherCachingPage`);
    const row = page.locator('tr', { hasText: 'wx:TMP_ISBL_best' });
    await row.waitFor({ timeout: 20000 });
    const time = row.locator('input[type=checkbox]').first();
    if (!(await time.isChecked())) {
      await time.check();
    }
    await page.click('a:has-text("Save")');
    await page.locator('.feedbackPanel li, .feedbackPanelINFO').first().waitFor({ timeout: 20000 });
    await page.screenshot({ path: `${out}/ui-weather-dimensions.png` });
    const xml = await (await page.request.get(`${gs}/gwc/rest/layers/wx:TMP_ISBL_best.xml`, {
      headers: { Authorization: 'Basic ' + Buffer.from('admin:geoserver').toString('base64') } })).text();
    if (!xml.includes('<weatherDimensionParameterFilter>') || !xml.includes('<key>TIME</key>')) {
      throw new Error('the TIME filter was not saved in the tile layer: ' + xml.slice(0, 300));
    }
    ok('Tile Caching > Weather dimensions adds the TIME filter to the tile layer (seen in GWC REST)');
  } catch (e) {
    await page.screenshot({ path: `${out}/ui-failure.png`, fullPage: true });
    console.log('FAIL UI: ' + e.message + ` (screenshot ${out}/ui-failure.png)`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();

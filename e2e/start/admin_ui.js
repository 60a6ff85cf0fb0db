// GeoServer's web admin with both plugins, as an administrator sees it (headless Chromium): logs in, checks that the
// Redis blob store from the template is the default and that "Redis lock" is the tile locking mechanism, and takes
// screenshots of those pages and of a weather layer's Tile Caching and Dimensions tabs.
//   node admin_ui.js GEOSERVER_URL ADMIN_PASSWORD OUT_DIR
const { chromium } = require('playwright-core');

const [gs, password, out] = process.argv.slice(2);
let failures = 0;
function check(ok, what, detail) {
  console.log((ok ? 'ok   ' : 'FAIL ') + what + (detail ? ': ' + detail : ''));
  if (!ok) failures++;
}

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    // log in (again, a few seconds later, while the node is reloading a configuration change of the other node:
    // each of the style changes bin/e2e-start makes through node 1 is one reload)
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) await page.waitForTimeout(3000);
      await page.goto(`${gs}/web/`);
      await page.fill('input[name=username]', 'admin');
      await page.fill('input[name=password]', password);
      await Promise.all([page.waitForNavigation(), page.click('form[action*="j_spring_security_check"] button, form[action*="j_spring_security_check"] input[type=submit]')]);
      if (await page.locator('text=Logged in as admin').count() > 0) break;
      if (attempt === 6) throw new Error('could not log in as admin (6 attempts over 15 s)');
    }

    await page.goto(`${gs}/web/wicket/bookmarkable/org.geoserver.gwc.web.blob.BlobStoresPage`);
    const stores = await page.locator('table').first().innerText();
    check(/redis/.test(stores) && /RedisBlobStore|Redis/.test(stores), 'Blobstores page lists the Redis blob store',
      stores.replace(/\s+/g, ' ').slice(0, 160));
    await page.screenshot({ path: `${out}/admin-blobstores.png` });

    await page.goto(`${gs}/web/wicket/bookmarkable/org.geoserver.gwc.web.GWCSettingsPage`);
    const lock = await page.locator('select[name*="lockProvider"]');
    const selected = await lock.evaluate((s) => s.options[s.selectedIndex].text);
    const options = await lock.evaluate((s) => [...s.options].map((o) => o.text));
    check(/Redis lock/.test(selected), 'Caching Defaults: the tile locking mechanism is the Redis lock',
      `selected "${selected}" of ${options.length} (${options.join('; ')})`);
    await lock.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/admin-caching-defaults.png`, fullPage: true });

    await page.goto(`${gs}/web/wicket/bookmarkable/org.geoserver.web.data.resource.ResourceConfigurationPage?name=GFS_TMP_ISBL&wsName=wx`);
    await page.click('.tab-row a:has-text("Dimensions")'); // not the Weather dimensions menu entry
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/admin-layer-dimensions.png`, fullPage: true });
    await page.click('.tab-row a:has-text("Tile Caching")');
    await page.waitForSelector('text=weatherDimensionParameterFilter', { timeout: 15000 }).catch(() => {});
    const text = await page.locator('body').innerText();
    check(/TIME/.test(text) && /ELEVATION/.test(text) && /DIM_REFERENCE_TIME/.test(text) && /EPSG:900913/.test(text),
      "a layer's Tile Caching tab shows its gridsets and the TIME, ELEVATION and DIM_REFERENCE_TIME filters");
    await page.screenshot({ path: `${out}/admin-layer-tile-caching.png`, fullPage: true });
  } catch (e) {
    await page.screenshot({ path: `${out}/admin-failure.png`, fullPage: true });
    check(false, 'admin UI', e.message);
  } finally {
    await browser.close();
  }
  process.exitCode = failures ? 1 : 0;
})();

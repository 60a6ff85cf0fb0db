// Configures a Redis blob store through GeoServer's web admin, as a person would (headless Chromium):
// Tile Caching > Blobstores > Add new > "Redis BlobStore", first with a wrong read timeout (the form must say which
// setting is wrong), then correctly. Usage: node e2e_ui.js GEOSERVER_URL REDIS_PORT REDIS_PASSWORD
const { chromium } = require('playwright-core');

const [gs, port, password] = process.argv.slice(2);

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
                                          args: ['--no-sandbox'] });
  const page = await browser.newPage();
  try {
    await page.goto(`${gs}/web/`);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'geoserver');
    await Promise.all([page.waitForNavigation(), page.click('form[action*="j_spring_security_check"] button, form[action*="j_spring_security_check"] input[type=submit]')]);

    await page.goto(`${gs}/web/wicket/bookmarkable/org.geoserver.gwc.web.blob.BlobStorePage`);
    const type = page.locator('select[name="typeOfBlobStore"]');
    const label = await type.locator('option', { hasText: 'Redis BlobStore' }).textContent();
    await type.selectOption({ label });
    await page.waitForSelector('input[name="blobSpecificPanel:nodes"]');

    await page.locator('form input[type=text]').first().fill('redis-ui');
    await page.fill('input[name="blobSpecificPanel:nodes"]', `127.0.0.1:${port}`);
    await page.fill('input[name="blobSpecificPanel:password"]', password);
    await page.fill('input[name="blobSpecificPanel:keyPrefix"]', 'ui');
    await page.fill('input[name="blobSpecificPanel:readTimeout"]', 'fast');
    await page.click('a:has-text("Save")');
    const error = page.locator('.feedbackPanel li, .feedbackPanelERROR');
    await error.first().waitFor({ timeout: 15000 });
    const errors = await error.allTextContents();
    console.log('form errors for readTimeout=fast: ' + JSON.stringify(errors));
    if (!errors.some(e => e.includes("readTimeout 'fast' is not a duration"))) {
      throw new Error('the form did not name the wrong setting');
    }

    await page.fill('input[name="blobSpecificPanel:readTimeout"]', '300ms');
    await page.fill('input[name="blobSpecificPanel:password"]', password);
    await Promise.all([page.waitForURL(/BlobStoresPage/, { timeout: 30000 }), page.click('a:has-text("Save")')]);
    const listed = await page.locator('table').textContent();
    if (!listed.includes('redis-ui')) {
      throw new Error('redis-ui is not listed on the blob stores page');
    }
    console.log('saved from the web admin; listed on the Blobstores page');
  } catch (e) {
    await page.screenshot({ path: 'e2e-ui-failure.png', fullPage: true });
    console.error('UI step failed: ' + e.message + ' (screenshot e2e-ui-failure.png)');
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();

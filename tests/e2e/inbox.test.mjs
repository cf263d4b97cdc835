// The whole loop with the real receiving service (issue 14): the release build with
// submit_endpoint on the site's own path, which the test server passes to a running
// deputy-inbox as nginx would (serve.mjs `proxy`). A citizen writes a letter offline; online,
// the outbox sends it once; `deputy-data ingest --from` takes it from the inbox's folder;
// `reply` answers it and rebuilds the data; the site shows the reply under the receipt code.
// Then the inbox is down: the letter waits on the device and is sent when it is back.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { execFileSync, spawn } from 'node:child_process';

import { startServer } from './serve.mjs';
import {
  DESKTOP, DIST, MOBILE, ROOT, closePage, eventually, eventuallyShows, expectNoConsoleErrors, gotoApp, groupedReceiptCode, launchBrowser,
  nativeBin, newPage, readData, requireBuild, BUILD_HINT, routeSite, shot, waitForApp,
} from './lib.mjs';

let tmp, site, src, store, inbox, server, browser, proxy;
let dataTool;
const tool = (...args) => execFileSync(dataTool, args, { cwd: ROOT, encoding: 'utf8' });

/** Start deputy-inbox on a port of the system's choosing; resolves once it listens. */
async function startInbox() {
  const bin = nativeBin('deputy-inbox');
  const child = spawn(bin, ['--listen', '127.0.0.1:0', '--store', store, '--trust-proxy', 'true'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout });
  const first = await new Promise((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (c) => reject(new Error(`deputy-inbox exited with ${c}`)));
  });
  child.log = [];
  lines.on('line', (l) => child.log.push(l));
  child.addr = JSON.parse(first).fields.listen;
  return child;
}

async function stopInbox(child) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

before(async () => {
  requireBuild(DIST, BUILD_HINT);
  dataTool = nativeBin('deputy-data');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inbox-e2e-'));
  site = path.join(tmp, 'site');
  src = path.join(tmp, 'src');
  store = path.join(tmp, 'inbox');
  fs.cpSync(DIST, site, { recursive: true });
  // The station's source folder, the demo's own (the served data/ is rebuilt from it below).
  tool('generate', '--profile', 'city', '--seed', '2025', '--out', path.join(tmp, 'generated'), '--source-out', src);
  inbox = await startInbox();
  proxy = { prefix: 'api/', to: `http://${inbox.addr}/`, posts: 0 };
  server = await startServer({ dir: site, port: 0, proxy });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (inbox && inbox.exitCode === null) await stopInbox(inbox);
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function writeLetter(page, deputy, subject, content, { offline = false } = {}) {
  await gotoApp(page, server.url + `direct/write/${deputy.id}`);
  await page.locator('#letter-subject').waitFor({ state: 'visible' });
  await waitForApp(page);
  await page.locator('#letter-subject').fill(subject);
  await page.locator('#letter-category').selectOption({ index: 1 });
  await page.locator('#letter-content').fill(content);
  await page.locator('#letter-consent').check();
  if (offline) await page.context().setOffline(true);
  await page.locator('form:has(#letter-content) button[type="submit"]').click();
  const done = page.locator('.done[role="status"]');
  await done.waitFor({ state: 'visible', timeout: 10_000 });
  return groupedReceiptCode(done, subject);
}

const inNew = (code) => path.join(store, 'new', `${code}.json`);
const item = (page, code) => page.locator(`.outbox-item[data-code="${code}"]`);

for (const [n, width] of [MOBILE, DESKTOP].entries()) {
  test(`a letter written offline reaches the inbox once, is ingested and answered, and the reply shows under its code (${width}px)`, async () => {
  const deputy = readData('search/py/n.json').entries[n * 2];
  const page = await newPage(browser, { width });
  try {
    await routeSite(page, server.url + 'api/submissions');
    const storedBefore = inbox.log.filter((l) => l.includes('"outcome":"stored"')).length;
    const content = '我们村的灌溉渠年久失修，春灌时漏水严重，希望代表帮助反映。';
    const code = await writeLetter(page, deputy, '灌溉渠漏水', content, { offline: true });
    assert.ok(!fs.existsSync(inNew(code)), 'nothing can arrive while offline');

    await page.context().setOffline(false);
    await eventually(() => fs.existsSync(inNew(code)), { timeout: 15_000 });
    const stored = JSON.parse(fs.readFileSync(inNew(code), 'utf8'));
    assert.equal(stored.payload.content, content, 'the inbox stores exactly what was typed');
    await gotoApp(page, server.url + 'mine');
    assert.ok(await eventuallyShows(item(page, code), '已发送', { timeout: 10_000 }), '我的提交 shows 已发送');
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(inbox.log.filter((l) => l.includes('"outcome":"stored"')).length - storedBefore, 1, 'stored once');
    assert.equal(inbox.log.filter((l) => l.includes('"outcome":"repeat"')).length, 0, 'and sent once: no repeat');
    assert.ok(!inbox.log.some((l) => l.includes('灌溉渠')), 'the inbox logs carry no letter text');
    await shot(page, `inbox-mine-sent-${width}`);

    // The station: ingest from the inbox's folder, answer, rebuild the served data.
    const ingested = tool('ingest', src, '--from', store, '--at', '2026-11-28T12:00:00+08:00');
    assert.ok(ingested.includes(`${code}.json：来信 ${code}`), ingested);
    assert.match(ingested, /拒绝 0 个/);
    assert.ok(fs.existsSync(path.join(store, 'archive', `${code}.json`)) && !fs.existsSync(inNew(code)), 'moved to archive/');
    assert.match(tool('ingest', src, '--from', store), /导入 0 个，拒绝 0 个/, 'a second run does nothing new');
    const reply = '已联系水利局，灌溉渠将于春灌前修复。';
    tool('reply', src, 'letter', code, '--by', deputy.name + '代表', '--text', reply, '--at', '2026-11-29T09:00:00+08:00', '--out', path.join(site, 'data'));

    // The citizen looks it up by the receipt code.
    await gotoApp(page, server.url + `direct/track?code=${code}`);
    const main = page.locator('main#main');
    assert.ok(await eventuallyShows(main, reply, { timeout: 15_000 }), `the reply should show under ${code}`);
    await shot(page, `inbox-track-reply-${width}`);
    expectNoConsoleErrors(page, 'inbox journey', [/ERR_INTERNET_DISCONNECTED/, /Failed to fetch/]);
  } finally {
    await page.context().setOffline(false).catch(() => {});
    await closePage(page);
  }
});

  test(`the inbox is down: the letter waits on the device, nothing is lost, and it is sent when the inbox is back (${width}px)`, async () => {
  const deputy = readData('search/py/n.json').entries[n * 2 + 1];
  const page = await newPage(browser, { width });
  try {
    await routeSite(page, server.url + 'api/submissions');
    await stopInbox(inbox); // the proxy now answers 503, as nginx would be set to
    const content = '路口红绿灯时间太短，老人过马路来不及。';
    const code = await writeLetter(page, deputy, '红绿灯时间太短', content);
    await gotoApp(page, server.url + 'mine');
    assert.ok(await eventuallyShows(item(page, code), '发送失败', { timeout: 10_000 }), '我的提交 shows 发送失败 while the inbox is down');
    assert.ok(!fs.existsSync(inNew(code)));
    await shot(page, `inbox-down-${width}`);
    // Nothing lost over a reload.
    await page.reload();
    await waitForApp(page);
    await item(page, code).waitFor({ state: 'visible' });

    inbox = await startInbox();
    proxy.to = `http://${inbox.addr}/`;
    // The browser notices the network back (the outbox also retries every 30 s).
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    await eventually(() => fs.existsSync(inNew(code)), { timeout: 15_000 });
    assert.equal(JSON.parse(fs.readFileSync(inNew(code), 'utf8')).payload.content, content);
    assert.ok(await eventuallyShows(item(page, code), '已发送', { timeout: 10_000 }), '已发送 once the inbox is back');
    expectNoConsoleErrors(page, 'inbox down', [/503/, /Service Unavailable/, /ERR_INTERNET_DISCONNECTED/, /Failed to fetch/]);
  } finally {
    await page.context().setOffline(false).catch(() => {});
    await closePage(page);
  }
});
}

// The deputies' workspace (代表工作台, issue 33), release build of its app
// (scripts/build-signed-apps.sh) on `deputy-data workspace`. A suggestion sent through the public
// inbox is held until the station confirms it by phone (`held confirm`); the station issues
// the co-signer an account (`deputy-account issue`); on a phone the co-signer opens the
// notice's link, activates with the code, reads the letters written to them (also in 大字模式
// and in English), and confirms the co-signature with one tap. Another deputy's session cannot
// confirm it. After `ingest --from` and `build`, the public page shows the co-signer confirmed.
// At a desk: sign-in by keyboard, a new password ends the other device's session.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { execFileSync, spawn } from 'node:child_process';

import { startServer } from './serve.mjs';
import {
  DESKTOP, DIST, ROOT, axeCheck, closePage, eventuallyShows, expectNoConsoleErrors, gotoApp, launchBrowser, newPage,
  nativeBin, readData, requireBuild, BUILD_HINT, SCREENSHOT_DIR, shot,
} from './lib.mjs';

const APP = path.join(ROOT, 'workspace-app', 'dist');
const PASSWORD = '乌拉特前旗的好代表2026';
const NOW = '2026-11-28T12:00:00+08:00';
let tmp, src, site, inbox, browser, publicSite, workspace, url, bin;
let lead, cosigner, other, suggestionId, letters;
const tool = (args) => execFileSync(bin, args, { cwd: ROOT, encoding: 'utf8' });

/** `deputy-data workspace` on a free port; resolves with its address once it listens. */
async function startWorkspace() {
  const child = spawn(bin, ['workspace', src, '--inbox', inbox, '--listen', '127.0.0.1:0', '--app', APP], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.log = [];
  readline.createInterface({ input: child.stderr }).on('line', (l) => child.log.push(l));
  const lines = readline.createInterface({ input: child.stdout });
  const first = await new Promise((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (c) => reject(new Error(`deputy-data workspace exited with ${c}`)));
  });
  return { url: first.match(/http:\/\/\S+/)[0], child };
}

/** The station's notice for `deputy`: its activation code (digits only). */
function issue(deputy) {
  const notice = tool(['deputy-account', src, 'issue', deputy.id, '--by', '王丽', '--url', url]);
  assert.ok(notice.includes(`${url}#activate=${deputy.id}`), notice);
  return notice.match(/激活码：([\d ]+)/)[1].replaceAll(' ', '');
}

/** A suggestion as the public app's outbox sends it (no signature: it will be held). */
function suggestionFile(code) {
  return JSON.stringify({
    format_version: 1, receipt_code: code, kind: 'suggestion', created_at: '2026-11-28T10:15:42+08:00',
    title: '关于改善乡村道路的建议',
    payload: {
      id: 'draft-e2e', title: '关于改善乡村道路的建议', category: '城乡建设与资源环境',
      lead_id: lead.id, lead_name: lead.name, facts: '村道年久失修。', analysis: '养护资金不足。',
      proposals: '设立养护专项资金', suggested_unit: '市交通运输局', attachments: '',
      cosigners: [{ deputy_id: cosigner.id, name: cosigner.name, confirmed: true }],
      exclusions: [true, true, true, true], updated_at: '2026-11-28T10:00:00+08:00',
    },
  });
}

before(async () => {
  requireBuild(DIST, BUILD_HINT);
  assert.ok(fs.existsSync(path.join(APP, 'pkg', 'deputy-workspace-app_bg.wasm')), 'Build it first: bash scripts/build-signed-apps.sh');
  bin = nativeBin('deputy-data');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'workspace-e2e-'));
  [src, site, inbox] = ['src', 'site', 'inbox'].map((d) => path.join(tmp, d));
  fs.cpSync(DIST, site, { recursive: true });
  tool(['generate', '--profile', 'city', '--seed', '2025', '--out', path.join(tmp, 'generated'), '--source-out', src]);
  for (const d of ['new', 'archive', 'tmp']) fs.mkdirSync(path.join(inbox, d), { recursive: true });
  // The co-signer is the deputy with the most letters (their 我的来信 has something to show).
  letters = JSON.parse(fs.readFileSync(path.join(src, 'messages.json'), 'utf8'));
  const count = new Map();
  for (const m of letters) count.set(m.deputy_id, [(count.get(m.deputy_id)?.[0] ?? 0) + 1, m.deputy_name]);
  const [id, [, name]] = [...count].sort((a, b) => b[1][0] - a[1][0])[0];
  cosigner = { id, name };
  [lead, other] = readData('levels/city/page-1.json').items.filter((d) => d.id !== id);
  // The lead sent it from the public app: held, not published, until the station checks.
  fs.writeFileSync(path.join(inbox, 'new', '420613579024.json'), suggestionFile('420613579024'));
  assert.match(tool(['ingest', src, '--from', inbox, '--at', NOW]), /暂存待核实/);
  assert.match(tool(['held', src, 'list']), /暂存待核实 1 件[\s\S]*420613579024/);
  const confirmed = tool(['held', src, 'confirm', '420613579024', '--by', '王丽', '--how', '电话联系代表本人确认', '--at', NOW]);
  suggestionId = confirmed.match(/建议 (\d{4}-\d{4})/)[1];
  browser = await launchBrowser();
  workspace = await startWorkspace();
  url = `${workspace.url}`;
});

after(async () => {
  await browser?.close();
  await publicSite?.close();
  if (workspace?.child.exitCode === null) workspace.child.kill('SIGTERM');
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Open the workspace (it has no public header: the way in is a form). */
async function open(page, address) {
  await page.goto(address);
  await page.locator('main#main').waitFor();
}

async function activate(page, deputy, code) {
  await open(page, `${url}#activate=${deputy.id}`);
  assert.equal(await page.locator('#activate-id').inputValue(), deputy.id, 'the link fills in the deputy');
  await page.locator('#activate-code').fill(code.replace(/(\d{4})/g, '$1 ').trim());
  await page.locator('#activate-password').fill(PASSWORD);
  await page.locator('#activate-password2').fill(PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.locator('nav.tabs').waitFor();
}

test('a co-signer activates on a phone, reads their letters and confirms with one tap; the public page shows it', async () => {
  const code = issue(cosigner);
  const page = await newPage(browser);
  try {
    await open(page, `${url}#activate=${cosigner.id}`);
    await axeCheck(page, 'workspace activation 375');
    await shot(page, 'workspace-activate-375');
    // A wrong code: the server's sentence, and what was typed stays.
    await page.locator('#activate-code').fill('1234 1234 1234');
    await page.locator('#activate-password').fill(PASSWORD);
    await page.locator('#activate-password2').fill(PASSWORD);
    await page.locator('form button[type="submit"]').click();
    assert.ok(await eventuallyShows(page.locator('#activate-error'), '激活码不对'));
    assert.equal(await page.locator('#activate-password').inputValue(), PASSWORD);
    await activate(page, cosigner, code);
    assert.ok(await eventuallyShows(page.locator('#who'), cosigner.name));
    // 我的来信: theirs only, as the source has them.
    const mine = letters.filter((m) => m.deputy_id === cosigner.id).length;
    assert.ok(await eventuallyShows(page.locator('#letters-count'), `共 ${mine} 件`));
    assert.equal(await page.locator('li.letter').count(), mine);
    await axeCheck(page, 'workspace letters 375');
    await shot(page, 'workspace-letters-375');
    // 大字模式: larger type and targets, kept on the device.
    await page.locator('#care').click();
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('care')));
    const target = await page.locator('#sign-out').boundingBox();
    assert.ok(target.height >= 60, `a 60 px target in 大字模式 (${target.height})`);
    await axeCheck(page, 'workspace letters 关怀版 375');
    await shot(page, 'workspace-letters-care-375');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'workspace-letters-care-screen-375.png'), scale: 'css' });
    await page.locator('#care').click();

    // 我的建议: the invitation, confirmed with one tap.
    await page.getByRole('link', { name: '我的建议' }).click();
    const card = page.locator(`li.suggestion[data-id="${suggestionId}"]`);
    assert.ok(await eventuallyShows(card, '邀请您联名'));
    await axeCheck(page, 'workspace suggestions 375');
    await shot(page, 'workspace-suggestions-375');
    await card.locator('button.confirm').click();
    assert.ok(await eventuallyShows(card, '已确认联名'));
    await shot(page, 'workspace-cosigned-375');
    // The screen as the phone shows it (for docs/deputy-guide.md).
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'workspace-cosigned-screen-375.png'), scale: 'css' });

    // 写建议: what is missing is said before anything is sent; the draft survives a reload.
    await page.getByRole('link', { name: '写建议' }).click();
    await page.locator('#w-title').fill('关于增设村级养老服务站的建议');
    await page.locator('#w-facts').fill('村里独居老人多。');
    await page.locator('form button[type="submit"]').click();
    assert.ok(await eventuallyShows(page.locator('#write-problems'), '请写分析'));
    await axeCheck(page, 'workspace write 375');
    await page.reload();
    await page.locator('#w-title').waitFor();
    assert.equal(await page.locator('#w-title').inputValue(), '关于增设村级养老服务站的建议', 'the draft is kept');
    await page.locator('#w-category').selectOption('民政与社会保障');
    await page.locator('#w-analysis').fill('缺少就近的照料场所。');
    await page.locator('#w-proposals').fill('1. 每个行政村设一处养老服务站\n2. 由乡镇统筹运营经费');
    await page.locator('#w-cosigners').fill(other.id);
    for (let i = 0; i < 4; i++) await page.locator(`#w-exclusion-${i}`).check();
    await shot(page, 'workspace-write-375');
    await page.locator('form button[type="submit"]').click();
    assert.ok(await eventuallyShows(page.locator('#write-done'), '建议已提交'));
    await shot(page, 'workspace-written-375');
    // The session probe before sign-in and the wrong code answer 401 on purpose.
    expectNoConsoleErrors(page, 'workspace 375', [/401/]);
  } finally {
    await closePage(page);
  }

  // Another deputy, signed in, cannot confirm in the co-signer's place.
  const intruder = await newPage(browser);
  try {
    await activate(intruder, other, issue(other));
    const status = await intruder.evaluate(async (id) => {
      const me = await (await fetch('/workspace/api/session')).json();
      const r = await fetch('/workspace/api/cosign', {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf },
        body: JSON.stringify({ suggestion_id: id }),
      });
      return r.status;
    }, suggestionId);
    assert.equal(status, 404, 'not their invitation');
  } finally {
    await closePage(intruder);
  }

  // The station: ingest the signed act, build; the public page shows both confirmed.
  // Now (the acts were signed with the machine's clock, after NOW).
  const ingested = tool(['ingest', src, '--from', inbox]);
  assert.match(ingested, /联名确认/, ingested);
  assert.match(ingested, new RegExp(`建议 \\d{4}-\\d{4}（${cosigner.name} 领衔）：关于增设村级养老服务站的建议`), ingested);
  assert.doesNotMatch(ingested, /暂存待核实/, 'signed: not held');
  tool(['build', src, path.join(site, 'data')]);
  publicSite = await startServer({ dir: site, port: 0 });
  const pub = await newPage(browser);
  try {
    await gotoApp(pub, `${publicSite.url}proposals/${suggestionId}`);
    const signers = pub.locator('main');
    assert.ok(await eventuallyShows(signers, '联名·已确认'));
    assert.equal(await pub.getByText('联名·未确认').count(), 0, 'no co-signer left unconfirmed');
    await shot(pub, 'workspace-public-confirmed-375');
  } finally {
    await closePage(pub);
  }
});

test('in English, and at a desk by keyboard; a new password signs the phone out', async () => {
  const phone = await newPage(browser);
  const desk = await newPage(browser, { width: DESKTOP });
  try {
    await open(phone, url);
    await phone.locator('#signin-id').fill(cosigner.id);
    await phone.locator('#signin-password').fill(PASSWORD);
    await phone.locator('form button[type="submit"]').click();
    await phone.locator('nav.tabs').waitFor();
    await phone.locator('#language').click();
    await phone.waitForLoadState();
    assert.ok(await eventuallyShows(phone.locator('h1'), 'My letters'));
    await axeCheck(phone, 'workspace letters English 375');
    await shot(phone, 'workspace-letters-en-375');
    await phone.locator('#language').click();
    assert.ok(await eventuallyShows(phone.locator('h1'), '我的来信'));

    await open(desk, url);
    await desk.locator('#signin-id').focus();
    await desk.keyboard.type(cosigner.id);
    await desk.keyboard.press('Tab');
    await desk.keyboard.type(PASSWORD);
    await desk.keyboard.press('Enter');
    await desk.locator('nav.tabs').waitFor();
    await desk.getByRole('link', { name: '账号' }).click();
    await axeCheck(desk, 'workspace account 1280');
    await desk.locator('#old-password').fill(PASSWORD);
    await desk.locator('#new-password').fill(`${PASSWORD}新`);
    await desk.locator('#new-password2').fill(`${PASSWORD}新`);
    await desk.locator('form button[type="submit"]').click();
    assert.ok(await eventuallyShows(desk.locator('#password-notice'), '其他设备上的登录都已退出'));
    await shot(desk, 'workspace-account-1280');
    // The phone's session ended: the next read asks to sign in again.
    await phone.getByRole('link', { name: '我的建议' }).click();
    await phone.locator('#signin-id').waitFor();
    assert.ok(await eventuallyShows(phone.locator('main'), '请先登录'));
    await shot(phone, 'workspace-signed-out-375');
    expectNoConsoleErrors(desk, 'workspace 1280', [/401/]);
  } finally {
    await closePage(phone);
    await closePage(desk);
  }
});

test('the lead rates the unit reply in one tap; after ingest the suggestion shows the rating', async () => {
  // The station handles the suggestion to its reply (the same commands as the console's steps).
  tool(['reply', src, 'suggestion', suggestionId, 'register']);
  tool(['reply', src, 'suggestion', suggestionId, 'assign', '--lead', '市交通运输局']);
  tool(['reply', src, 'suggestion', suggestionId, 'answer', '--class', 'B', '--text', '已列入明年村道养护计划。']);
  const page = await newPage(browser);
  try {
    await activate(page, lead, issue(lead));
    await page.getByRole('link', { name: '我的建议' }).click();
    const card = page.locator(`li.suggestion[data-id="${suggestionId}"]`);
    assert.ok(await eventuallyShows(card, '请您作为领衔代表评价'));
    await axeCheck(page, 'workspace rating 375');
    await card.locator('input').fill('希望尽快落实资金');
    await card.getByRole('button', { name: '基本满意' }).click();
    assert.ok(await eventuallyShows(card, '评价已提交'));
    await shot(page, 'workspace-rated-375');
    expectNoConsoleErrors(page, 'workspace rating', [/401/]);
  } finally {
    await closePage(page);
  }
  const ingested = tool(['ingest', src, '--from', inbox]);
  assert.match(ingested, new RegExp(`建议 ${suggestionId}：领衔代表已评价答复`), ingested);
  assert.doesNotMatch(ingested, /暂存待核实/);
});

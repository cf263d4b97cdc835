// The station console (issue 15), release build of its app (scripts/build-signed-apps.sh) on
// `deputy-data console`: a clerk signs in (after a wrong password), ingests the inbox (one
// letter taken, one broken file refused with its reason), forwards and answers the letter with
// a preview, assigns a suggestion (only the legal step offered), sees what a publish will change, publishes, and the public app shows the reply
// under the receipt code. A forged request is refused; an expired session asks for the
// password again and the reply being typed is still there afterwards.

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

const APP = path.join(ROOT, 'console-app', 'dist');
const PASSWORD = 'correct horse battery';
const NOW = '2026-11-28T12:00:00+08:00';
let tmp, src, site, www, inbox, browser, publicSite;
const consoles = [];
let bin;
const tool = (args, input) => execFileSync(bin, args, { cwd: ROOT, encoding: 'utf8', input });

/** `deputy-data console` on a free port; resolves with its address once it listens. */
async function startConsole(extra = []) {
  const child = spawn(
    bin,
    ['console', src, '--site', site, '--publish', www, '--inbox', inbox, '--listen', '127.0.0.1:0', '--app', APP, ...extra],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  consoles.push(child);
  child.log = [];
  readline.createInterface({ input: child.stderr }).on('line', (l) => child.log.push(l));
  const lines = readline.createInterface({ input: child.stdout });
  const first = await new Promise((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (c) => reject(new Error(`deputy-data console exited with ${c}`)));
  });
  return { url: first.match(/http:\/\/\S+/)[0], child };
}

/** A submission as the inbox service stores it. */
function letterFile(code, deputy) {
  return JSON.stringify({
    format_version: 1, receipt_code: code, kind: 'message', created_at: '2026-11-28T10:15:42+08:00',
    title: `致 ${deputy.name}：村口路灯不亮`,
    payload: {
      deputy_id: deputy.id, subject: '村口路灯不亮', category: '城乡建设', content: '村口的三盏路灯坏了两个月，晚上出行不安全。',
      name: '张丽', phone: '13812345678', anonymous: false, publish: true, consent: true,
    },
  });
}

/** A suggestion as the public app's outbox sends it: no deputy's signature. */
function suggestionFile(code, lead) {
  return JSON.stringify({
    format_version: 1, receipt_code: code, kind: 'suggestion', created_at: '2026-11-28T10:15:42+08:00',
    title: '关于改善乡村道路的建议',
    payload: {
      id: `draft-${code}`, title: '关于改善乡村道路的建议', category: '城乡建设与资源环境', lead_id: lead.id, lead_name: lead.name,
      facts: '村道年久失修。', analysis: '养护资金不足。', proposals: '设立养护专项资金', suggested_unit: '市交通运输局',
      attachments: '', cosigners: [], exclusions: [true, true, true, true], updated_at: '2026-11-28T10:00:00+08:00',
    },
  });
}

const CODE = '315072641986';

/** 1–99 as Chinese numerals (第十二条), as the drafters write them. */
function numeral(n) {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  return `${n >= 20 ? d[Math.floor(n / 10)] : ''}十${d[n % 10]}`;
}
const BROKEN = '718305926440';

before(async () => {
  requireBuild(DIST, BUILD_HINT);
  assert.ok(fs.existsSync(path.join(APP, 'pkg', 'deputy-console-app_bg.wasm')), 'Build the console app first: bash scripts/build-signed-apps.sh');
  bin = nativeBin('deputy-data');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'console-e2e-'));
  [src, site, www, inbox] = ['src', 'site', 'www', 'inbox'].map((d) => path.join(tmp, d));
  fs.cpSync(DIST, site, { recursive: true });
  fs.mkdirSync(www);
  tool(['generate', '--profile', 'city', '--seed', '2025', '--out', path.join(tmp, 'generated'), '--source-out', src]);
  for (const d of ['new', 'archive', 'tmp']) fs.mkdirSync(path.join(inbox, d), { recursive: true });
  const deputy = readData('search/py/n.json').entries[0];
  const category = readData('site.json').message_categories[0];
  fs.writeFileSync(path.join(inbox, 'new', `${CODE}.json`), letterFile(CODE, deputy).replace('城乡建设', category));
  fs.writeFileSync(path.join(inbox, 'new', `${BROKEN}.json`), '{"format_version": 1, "receipt');
  tool(['console-user', src, 'add', '王丽'], `${PASSWORD}\n`);
  browser = await launchBrowser();
  publicSite = await startServer({ dir: www, port: 0 });
});

after(async () => {
  await browser?.close();
  await publicSite?.close();
  for (const c of consoles) if (c.exitCode === null) c.kill('SIGTERM');
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Sign in with the keyboard only: the name, Tab, the password, Enter. */
async function signInByKeyboard(page) {
  await page.locator('#signin-name').focus();
  await page.keyboard.type('王丽');
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.locator('nav.tabs').waitFor();
}

async function signIn(page, password = PASSWORD) {
  await page.locator('#signin-name').fill('王丽');
  await page.locator('#signin-password').fill(password);
  await page.locator('form button[type="submit"]').click();
}

test('a clerk signs in, ingests a letter, forwards and answers it, publishes, and the public sees the reply', async () => {
  const { url, child } = await startConsole();
  const page = await newPage(browser, { width: DESKTOP, clock: null });
  try {
    await page.goto(url);
    await page.locator('#signin-name').waitFor();
    await axeCheck(page, 'console sign-in');
    await signIn(page, 'not the password!');
    assert.ok(await eventuallyShows(page.locator('#signin-error'), '账号或密码不对'));
    await shot(page, 'console-signin-refused-1280');
    await signIn(page);
    await page.locator('nav.tabs').waitFor();

    // 收件箱: both files, then one button.
    const main = page.locator('main#main');
    assert.ok(await eventuallyShows(main, '待处理 2 件'));
    await axeCheck(page, 'console inbox');
    await page.locator('#ingest').click();
    assert.ok(await eventuallyShows(main, '导入 1 件，拒绝 1 件'));
    assert.ok(await eventuallyShows(main, '已拒绝：'), 'the refused file stays, with its reason');
    // A letter that came by e-mail: the same checks, from a file.
    const mailed = '420613579024';
    await page.locator('#inbox-files').setInputFiles({
      name: `${mailed}.json`, mimeType: 'application/json',
      buffer: Buffer.from(letterFile(mailed, readData('search/py/n.json').entries[1]).replace('城乡建设', readData('site.json').message_categories[0])),
    });
    assert.ok(await eventuallyShows(main, '文件：导入 1 件，拒绝 0 件'));
    // Whose a training report is: picked from the deputies (a datalist), the name shown.
    const someone = readData('levels/city/page-1.json').items[0];
    assert.ok(await page.locator(`#inbox-deputies option[value="${someone.id}"]`).count(), 'the deputy is in the picker');
    await page.locator('#inbox-deputy').fill(someone.id);
    assert.ok(await eventuallyShows(page.locator('#inbox-deputy-is'), `将记在：${someone.name}（市人大代表`));
    await page.locator('#inbox-deputy').fill('city-none');
    assert.ok(await eventuallyShows(page.locator('#inbox-deputy-is'), '没有这个编号的代表'));
    await page.locator('#inbox-deputy').fill('');
    await shot(page, 'console-inbox-1280');

    // A suggestion that came without a deputy's signature is held: 待核实, confirmed after a call.
    const held = '420613579035';
    const lead = readData('levels/city/page-1.json').items[0];
    await page.locator('#inbox-files').setInputFiles({
      name: `${held}.json`, mimeType: 'application/json', buffer: Buffer.from(suggestionFile(held, lead)),
    });
    assert.ok(await eventuallyShows(main, '暂存待核实'));
    await page.getByRole('link', { name: '待核实' }).click();
    const item = page.locator(`li.held[data-code="${held}"]`);
    assert.ok(await eventuallyShows(item, lead.name), 'the deputy it names is shown');
    await axeCheck(page, 'console held');
    await shot(page, 'console-held-1280');
    await item.locator('form.step').first().locator('button[type="submit"]').click();
    assert.ok(await eventuallyShows(item.locator('[role="alert"]'), '如何与代表本人核实'), 'how it was checked is required');
    await item.locator(`#how-${held}`).fill('12月7日电话联系代表本人确认');
    await item.locator('form.step').first().locator('button[type="submit"]').click();
    assert.ok(await eventuallyShows(page.locator('#held-notice'), '已核实'));
    assert.equal(await page.locator(`li.held[data-code="${held}"]`).count(), 0, 'no longer held');
    await page.getByRole('link', { name: '收件箱' }).click();

    // 来信办理: the letter, with the writer's contact for staff.
    await page.getByRole('link', { name: '来信办理' }).click();
    const row = page.locator('li.letter', { hasText: CODE });
    await row.locator('button.row').click();
    assert.ok(await eventuallyShows(row, '13812345678'), 'staff see the phone');
    await row.locator(`#department-${CODE}`).fill('临河区住建局');
    // A step entered later carries its day; one before the letter came is refused by the rules,
    // and what was typed stays.
    await row.locator(`#at-${CODE}`).fill('2026-11-27');
    await row.locator('form.step', { has: page.locator(`#department-${CODE}`) }).locator('button[type="submit"]').click();
    assert.ok(await eventuallyShows(row.locator('[role="alert"]'), '早于'), 'a day before the letter is refused');
    assert.equal(await row.locator(`#department-${CODE}`).inputValue(), '临河区住建局');
    await row.locator(`#at-${CODE}`).fill('');
    await row.locator('form.step', { has: page.locator(`#department-${CODE}`) }).locator('button[type="submit"]').click();
    assert.ok(await eventuallyShows(page.locator('#letters-notice'), '已转交'));
    assert.ok(await eventuallyShows(page.locator('li.letter', { hasText: CODE }), '已转交'), 'still in the queue');
    const row2 = page.locator('li.letter', { hasText: CODE });
    if (!(await row2.locator(`#text-${CODE}`).count())) await row2.locator('button.row').click();
    const reply = '已联系住建局，路灯本周修复。';
    await row2.locator(`#by-${CODE}`).fill('娜仁其其格代表');
    await row2.locator(`#text-${CODE}`).fill(reply);
    assert.ok(await eventuallyShows(row2.locator('.preview'), reply), 'the preview shows the reply as the public will');
    await axeCheck(page, 'console letter');
    await shot(page, 'console-letter-1280');
    await row2.locator('form.step', { has: page.locator(`#text-${CODE}`) }).locator('button[type="submit"]').click();
    assert.ok(await eventuallyShows(page.locator('#letters-notice'), `来信 ${CODE}：已答复`));
    assert.equal(await page.locator('li.letter', { hasText: CODE }).count(), 0, 'answered, it leaves the queue');
    await page.locator('#letters-all').check();
    assert.ok(await eventuallyShows(page.locator('li.letter', { hasText: CODE }), '已答复'), 'and shows among all letters');
    // Its writer agreed to publishing: the station can still keep it out of the public Q&A.
    const answered = page.locator('li.letter', { hasText: CODE });
    if (!(await answered.locator('.detail').count())) await answered.locator('button.row').click();
    await answered.locator('button.visibility').click();
    assert.ok(await eventuallyShows(page.locator('#letters-notice'), '不公开'));

    // 建议办理: a registered suggestion offers 交办 only; the unit is picked from the list.
    await page.getByRole('link', { name: '建议办理' }).click();
    const queue = await page.evaluate(async () => (await fetch('/api/suggestions')).json());
    const registered = queue.suggestions.find((s) => s.next.length === 1 && s.next[0] === 'assign');
    const srow = page.locator('li.letter', { hasText: registered.id });
    await srow.locator('button.row').click();
    assert.equal(await srow.locator('form.step').count(), 1, 'only the legal step is offered');
    await srow.locator(`#lead-${registered.id}`).fill(queue.units[0]);
    await axeCheck(page, 'console suggestion');
    await srow.screenshot({ path: path.join(SCREENSHOT_DIR, 'console-suggestion-1280.png') });
    await srow.locator('form.step button[type="submit"]').click();
    assert.ok(await eventuallyShows(page.locator('#suggestions-notice'), '已交办'));

    // 征求意见: publish a comment; then a closed consultation's results, previewed article by
    // article before they are published.
    await page.getByRole('link', { name: '征求意见', exact: true }).click();
    const consultations = await page.evaluate(async () => (await fetch('/api/consultations')).json());
    const unpublished = consultations.flatMap((c) => c.comments).find((x) => !x.published);
    if (unpublished) {
      const item = page.locator('.comments li', { hasText: unpublished.receipt_code });
      await item.locator('xpath=ancestor::details').locator('summary').click();
      await item.getByRole('button', { name: '公开这条意见' }).click();
      assert.ok(await eventuallyShows(page.locator('#consult-notice'), '已公开意见'));
    }
    // A new draft from the drafters' file.
    const source = fs.readFileSync(path.join(ROOT, 'content', 'consultations', '2025-01.json'), 'utf8').replace('"2025-01"', '"2027-01"');
    await page.locator('#consult-new').setInputFiles({ name: '2027-01.json', mimeType: 'application/json', buffer: Buffer.from(source) });
    assert.ok(await eventuallyShows(page.locator('#consult-notice'), '已加入征求意见 2027-01'));
    const closed = consultations.find((c) => c.can_publish_result);
    // By its id, not its title: the new draft above is a copy with the same title, and on a later
    // day (the console keeps the machine's clock) it too has closed and shows the same form.
    const card = page.locator('section.plan', { has: page.locator(`#final-${closed.id}`) });
    await card.locator(`#result-${closed.id}-0`).selectOption('partly');
    await card.locator(`#reason-${closed.id}-0`).fill('统一了全文的用语。');
    const finalText = closed.articles
      .map(([n, text], i) => `第${numeral(n)}条　${text}${i === 0 ? '本条所称农村牧区，包括嘎查村。' : ''}`)
      .join('\n');
    await card.locator(`#final-${closed.id}`).fill(finalText);
    await card.locator('.preview-result').click();
    const preview = card.locator('.preview');
    assert.ok(await eventuallyShows(preview, '有修改'));
    assert.equal(await preview.locator('ins').first().innerText(), '本条所称农村牧区，包括嘎查村。');
    await axeCheck(page, 'console consultation');
    await card.screenshot({ path: path.join(SCREENSHOT_DIR, 'console-consultation-1280.png') });
    await card.locator('.publish-result').click();
    assert.ok(await eventuallyShows(page.locator('#consult-notice'), '已公布结果'));

    // 生成与发布: what will change, then publish.
    await page.getByRole('link', { name: '生成与发布' }).click();
    await page.locator('#publish-check').click();
    assert.ok(await eventuallyShows(page.locator('#publish-replies'), CODE, { timeout: 60_000 }), 'the letter is listed as getting its reply');
    await axeCheck(page, 'console publish');
    await shot(page, 'console-publish-plan-1280');
    // While it runs, a progress bar, and the phase once the server has been asked (every
    // second: a publish of the demo city may be over before that).
    await page.evaluate(() => {
      window.__progress = { bar: false, phases: [] };
      new MutationObserver(() => {
        if (document.querySelector('#publish-progress')) window.__progress.bar = true;
        const phase = document.querySelector('#publish-phase')?.textContent;
        if (phase && !window.__progress.phases.includes(phase)) window.__progress.phases.push(phase);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.locator('#publish-now').click();
    assert.ok(await eventuallyShows(page.locator('#publish-done'), '已发布', { timeout: 60_000 }));
    const progress = await page.evaluate(() => window.__progress);
    assert.ok(progress.bar, 'a progress bar while publishing');
    assert.ok(progress.phases.every((p) => /^正在/.test(p)), JSON.stringify(progress.phases));

    // A request from elsewhere, without the token: refused, nothing done.
    const forged = await page.evaluate(async () => (await fetch('/api/inbox/ingest', { method: 'POST' })).status);
    assert.equal(forged, 403);

    // 操作记录.
    await page.getByRole('link', { name: '操作记录' }).click();
    assert.ok(await eventuallyShows(main, '答复来信'));
    await shot(page, 'console-audit-1280');
    // Refusals the journey asked for: the wrong password (401), the forged request (403), the
    // step dated before the letter (422).
    expectNoConsoleErrors(page, 'console', [/401/, /403/, /422/]);
    // The console's own log: a JSON line per change and sign-in, and nobody's name or phone.
    assert.ok(child.log.some((l) => JSON.parse(l).fields?.action === 'letter-reply'), child.log.join('\n'));
    for (const secret of ['张丽', '13812345678', '王丽', '已联系住建局']) {
      assert.ok(!child.log.some((l) => l.includes(secret)), `the log names ${secret}`);
    }
  } finally {
    await closePage(page);
  }

  // The public app, from where the console published.
  const citizen = await newPage(browser, { width: 375 });
  try {
    await gotoApp(citizen, publicSite.url + `direct/track?code=${CODE}`);
    assert.ok(await eventuallyShows(citizen.locator('main#main'), '已联系住建局，路灯本周修复。', { timeout: 15_000 }));
    await shot(citizen, 'console-public-reply-375');
    const published = fs.readFileSync(path.join(www, 'data', 'track', `${CODE}.json`), 'utf8');
    assert.ok(!published.includes('13812345678') && !published.includes('张丽'), 'no personal data is published');
  } finally {
    await closePage(citizen);
  }
});

test('an expired session asks for the password again, and the reply being typed is still there', async () => {
  const { url } = await startConsole(['--idle-seconds', '2']);
  const page = await newPage(browser, { width: 800, clock: null });
  try {
    await page.goto(url + 'letters');
    await signIn(page);
    const text = '正在写的答复，不能丢。';
    // The letter answered above is closed: write on a demo letter that is still open.
    const open = page.locator('li.letter.waiting').first();
    await open.locator('button.row').click();
    await open.locator('textarea').fill(text);
    await new Promise((r) => setTimeout(r, 2500));
    await open.locator('input[id^="by-"]').fill('代表');
    await open.locator('form.step').last().locator('button[type="submit"]').click();
    assert.ok(await eventuallyShows(page.locator('main'), '登录已超时'), 'the sign-in form says why');
    await shot(page, 'console-expired-800');
    await signInByKeyboard(page);
    const again = page.locator('li.letter.waiting').first();
    await again.locator('button.row').click();
    assert.equal(await again.locator('textarea').inputValue(), text, 'the draft survived');
    await axeCheck(page, 'console letters on a tablet');
    await again.screenshot({ path: path.join(SCREENSHOT_DIR, 'console-letter-800.png') });
  } finally {
    await closePage(page);
  }
});

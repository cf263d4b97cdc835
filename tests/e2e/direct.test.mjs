// 直通代表, end to end, at 375 px and 1280 px:
//   1. a 苏木 resident picks county then township and finds deputies of all five levels;
//   2. name search by pinyin initials, Chinese and full pinyin, kept in the URL across a reload;
//   3. writing to a deputy: every validation message, the draft kept across a reload, sending
//      offline (待发送) and then online (POSTed, 已发送);
//   4. tracking a published receipt code, rating the reply 不满意, the re-handled record with two
//      replies, an invalid code, and the public Q&A page.
// Every page visited gets a screenshot (direct-*-{width}.png) and an axe-core check.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  MOBILE,
  DESKTOP,
  useAppServer,
  dataPath,
  hasData,
  readData,
  withEndpoint,
  newPage,
  closePage,
  withPage,
  gotoApp,
  reloadApp,
  waitForApp,
  expectNoConsoleErrors,
  clearProblems,
  settle,
  shot,
  axeCheck,
  damm,
  groupedReceiptCode,
  eventually,
  eventuallyShows,
  textOr,
  navigateInApp,
  storageText,
} from './lib.mjs';

const app = useAppServer({ reset: true });

const LEVELS = ['national', 'region', 'city', 'county', 'township'];
const NAME = '娜仁其其格';
const REOPENED_SUBJECT = '楼上漏水多次协商无果';

// ---------------------------------------------------------------------------------------------
// Data picked from the build

/** A township of kind `sumu`, with its county: {county, countyName, code, name}. */
function pickSumu() {
  const city = readData(`regions/${app.site.region_code}.json`);
  for (const county of city.children) {
    const rel = `regions/${county.code}.json`;
    if (!hasData(rel)) continue;
    const c = readData(rel);
    const sumu = (c.children || []).find((t) => t.kind === 'sumu');
    if (sumu) return { county: county.code, countyName: county.name, code: sumu.code, name: sumu.name };
  }
  assert.fail('no township of kind "sumu" in data/regions/*.json');
}

function trackRecords() {
  return fs
    .readdirSync(dataPath('track'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readData(`track/${f}`));
}

/** A published record whose last event is `replied` (the rating form shows). */
function pickReplied(skip = 0) {
  const list = trackRecords().filter((r) => r.events.at(-1).type === 'replied' && !r.events.some((e) => e.type === 'reopened'));
  assert.ok(list.length > skip, 'no track record whose last event is "replied"');
  return list[skip];
}

function pickReopened() {
  const r = trackRecords().find((x) => x.deputy_name === NAME && x.subject === REOPENED_SUBJECT);
  assert.ok(r, `no track record for ${NAME} "${REOPENED_SUBJECT}"`);
  assert.ok(r.events.some((e) => e.type === 'reopened'), `the record ${r.receipt_code} has no "reopened" event`);
  return r;
}

/** A well-formed code with no published record. */
function unpublishedCode() {
  const published = new Set(trackRecords().map((r) => r.receipt_code));
  for (let n = 12345678901; ; n++) {
    const body = String(n);
    const code = body + String([...'0123456789'].find((d) => damm(body + d) === 0));
    if (!published.has(code)) return code;
  }
}

/** The same code with a wrong check digit. */
function badCheckDigit(code) {
  const last = Number(code.at(-1));
  return code.slice(0, -1) + String((last + 1) % 10);
}

// ---------------------------------------------------------------------------------------------
// Page helpers

/** Screenshot and axe-core check of what is on screen now. */
async function look(page, name, width, label) {
  await shot(page, `direct-${name}-${width}`);
  await axeCheck(page, label || `${name} at ${width}px`);
}

async function heading(page) {
  const h = page.locator('h2.results-heading');
  await h.waitFor({ state: 'visible' });
  return (await h.innerText()).trim();
}

/** Wait until the results heading shows `re` (the list is re-rendered on every URL change). */
async function waitHeading(page, re, label) {
  const ok = await eventually(async () => {
    const h = page.locator('h2.results-heading');
    return (await h.count()) && re.test(await h.innerText());
  });
  const now = await textOr(page.locator('h2.results-heading'), '(no h2.results-heading)');
  assert.ok(ok, `${label}: the results heading should match ${re}; it shows: ${now}`);
  await settleList(page);
  return now.trim();
}

async function settleList(page) {
  await settle(page);
  await page.locator('main#main h1').waitFor();
}

/** [{name, level}] of the cards on screen. */
async function cards(page) {
  return page.locator('li.deputy-card').evaluateAll((els) =>
    els.map((el) => {
      const badge = el.querySelector('.level-badge');
      const level = badge ? [...badge.classList].find((c) => c.startsWith('level-') && c !== 'level-badge') : null;
      return { name: (el.querySelector('a.deputy-name')?.textContent || '').trim(), level: level ? level.slice(6) : null, href: el.querySelector('a.deputy-name')?.getAttribute('href') };
    }),
  );
}

function query(page, key) {
  return new URL(page.url()).searchParams.get(key);
}

async function waitQuery(page, key, value, label) {
  const ok = await eventually(() => query(page, key) === value, { timeout: 5_000, interval: 100 });
  assert.ok(ok, `${label}: the URL should have ${key}=${value}; it is ${decodeURI(page.url())}`);
}

async function errorText(page, id) {
  return ((await page.locator(`#${id}`).textContent()) || '').trim();
}

async function focusedId(page) {
  return page.evaluate(() => document.activeElement && document.activeElement.id);
}

function outboxItem(page, code) {
  return page.locator(`.outbox-item[data-code="${code}"]`);
}

async function waitItemText(page, code, word, label, timeout = 10_000) {
  const text = await eventuallyShows(outboxItem(page, code), word, { timeout });
  const now = await textOr(outboxItem(page, code), '(no .outbox-item for this code)');
  assert.ok(text, `${label}: the 我的提交 item ${code} should show "${word}"; it shows: ${now.replace(/\s+/g, ' ')}`);
  return text;
}

// ---------------------------------------------------------------------------------------------

for (const width of [MOBILE, DESKTOP]) {
  describe(`直通代表 at ${width}px`, () => {
    test(`1. a 苏木 resident finds deputies of all five levels (${width}px)`, async () => {
      const sumu = pickSumu();
      await withPage(app.browser, { width }, async (page) => {
        const label = `/direct at ${width}px`;
        await gotoApp(page, app.server.url + 'direct');
        assert.match(await page.locator('main#main h1').innerText(), /直通代表/);
        assert.ok(await page.locator('#f-town').isDisabled(), `${label}: #f-town should be disabled before a county is chosen`);
        await look(page, 'start', width, label);

        // The seven counties are offered by code.
        const city = readData(`regions/${app.site.region_code}.json`);
        const countyValues = await page.locator('#f-county option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
        assert.deepEqual(countyValues.sort(), city.children.map((c) => c.code).sort(), `${label}: #f-county should list the counties of ${app.site.region_name}`);

        await page.locator('#f-county').selectOption(sumu.county);
        await waitQuery(page, 'county', sumu.county, label);
        await eventually(async () => !(await page.locator('#f-town').isDisabled()), { timeout: 5_000 });
        assert.ok(!(await page.locator('#f-town').isDisabled()), `${label}: #f-town should be enabled once ${sumu.countyName} is chosen`);
        await page.locator(`#f-town option[value="${sumu.code}"]`).waitFor({ state: 'attached' });
        const townValues = await page.locator('#f-town option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
        assert.ok(townValues.every((v) => /^\d{9}$/.test(v) && v.startsWith(sumu.county)), `${label}: #f-town values should be 9-digit codes in ${sumu.county}: ${townValues}`);

        await page.locator('#f-town').selectOption(sumu.code);
        await waitQuery(page, 'place', sumu.code, label);
        assert.equal(query(page, 'county'), sumu.county, `${label}: choosing a township should keep county=`);
        const place = readData(`places/${sumu.code}.json`);
        const total = place.deputies.length;
        const h = await waitHeading(page, new RegExp(`${sumu.name}.*${total}`), label);
        assert.ok(h.includes(sumu.name) && h.includes(String(total)), `${label}: heading "${h}" should name ${sumu.name} and ${total}`);
        await look(page, 'sumu', width, `${label} (${sumu.name})`);

        // Walk every page of results, collecting the levels.
        const seen = new Map();
        const pages = Math.ceil(total / 20);
        for (let p = 1; p <= pages; p++) {
          const list = await cards(page);
          assert.ok(list.length > 0 && list.length <= 20, `${label}: page ${p} should show 1–20 cards, shows ${list.length}`);
          for (const c of list) seen.set(c.name + c.href, c.level);
          if (p < pages) {
            const next = page.locator('nav.pager button', { hasText: '下一页' });
            assert.ok(await next.isVisible(), `${label}: page ${p} of ${pages} should have 下一页`);
            await next.click();
            await waitQuery(page, 'page', String(p + 1), label);
            await waitHeading(page, new RegExp(sumu.name), label);
            await eventually(async () => (await page.locator('nav.pager .pager-status').innerText()).includes(`${p + 1}`), { timeout: 5_000 });
          }
        }
        if (pages > 1) {
          assert.ok(await page.locator('nav.pager button', { hasText: '上一页' }).isVisible(), `${label}: the last page should have 上一页`);
          await look(page, 'sumu-last-page', width, `${label} (${sumu.name}, last page)`);
        }
        assert.equal(seen.size, total, `${label}: the pages should show ${total} different deputies, showed ${seen.size}`);
        const levels = new Set(seen.values());
        for (const l of LEVELS) assert.ok(levels.has(l), `${label}: no .level-badge.level-${l} among the ${seen.size} deputies of ${sumu.name} (levels seen: ${[...levels]})`);

        // The level filter narrows the same place; a reload keeps every filter.
        await page.locator('#f-level').selectOption('township');
        await waitQuery(page, 'level', 'township', label);
        const nTown = place.deputies.filter((d) => d.level === 'township').length;
        await waitHeading(page, new RegExp(`共 ${nTown} 位`), label);
        const townList = await cards(page);
        assert.ok(townList.length === nTown && townList.every((c) => c.level === 'township'), `${label}: level=township should list ${nTown} township deputies: ${JSON.stringify(townList)}`);
        assert.equal(query(page, 'page'), null, `${label}: changing a filter should go back to page 1`);

        await reloadApp(page);
        await waitHeading(page, new RegExp(`${sumu.name}.*共 ${nTown} 位`), `${label} after reload`);
        assert.equal(await page.locator('#f-county').inputValue(), sumu.county, `${label}: after a reload #f-county should still be ${sumu.county}`);
        assert.equal(await page.locator('#f-town').inputValue(), sumu.code, `${label}: after a reload #f-town should still be ${sumu.code}`);
        assert.equal(await page.locator('#f-level').inputValue(), 'township', `${label}: after a reload #f-level should still be township`);
        expectNoConsoleErrors(page, label);
      });
    });

    test(`2. name search: initials, Chinese, full pinyin; kept across a reload (${width}px)`, async () => {
      await withPage(app.browser, { width }, async (page) => {
        const label = `/direct name search at ${width}px`;
        await gotoApp(page, app.server.url + 'direct');
        const input = page.locator('#f-name');
        for (const [q, shotName] of [
          ['nrqqg', 'name-initials'],
          ['娜仁', 'name-chinese'],
          ['narenqiqige', 'name-pinyin'],
        ]) {
          const l = `${label}, q=${q}`;
          await input.fill(q);
          await waitQuery(page, 'q', q, l);
          await waitHeading(page, /共 \d+ 位/, l);
          const found = await eventually(async () => (await cards(page)).some((c) => c.name === NAME), { timeout: 5_000 });
          const list = await cards(page);
          assert.ok(found, `${l}: should find ${NAME}; shows ${JSON.stringify(list.map((c) => c.name))} (${await heading(page)})`);
          assert.equal(list[0].name, NAME, `${l}: ${NAME} should be ranked first; order: ${list.map((c) => c.name).join(' ')}`);
          if (q !== '娜仁') assert.ok(list.every((c) => c.name === NAME), `${l}: only ${NAME} should match; shows ${list.map((c) => c.name).join(' ')}`);
          else assert.ok(list.every((c) => c.name.startsWith('娜仁')), `${l}: every result should start with 娜仁; shows ${list.map((c) => c.name).join(' ')}`);
          await look(page, `${shotName}`, width, l);
        }

        // Reload: the query is in the URL, so the input and the results come back.
        await input.fill('nrqqg');
        await waitQuery(page, 'q', 'nrqqg', label);
        await waitHeading(page, /共 \d+ 位/, label);
        const before = await cards(page);
        await reloadApp(page);
        const h = await waitHeading(page, /共 \d+ 位/, `${label} after reload`);
        assert.equal(await page.locator('#f-name').inputValue(), 'nrqqg', `${label}: after a reload #f-name should still hold nrqqg`);
        const after = await cards(page);
        assert.deepEqual(after, before, `${label}: after a reload the same results should show (${h})`);

        // A name within a place: the county narrows the same pinyin search.
        const d = readData('search/py/n.json').entries.find((e) => e.name === NAME);
        await gotoApp(page, app.server.url + `direct?county=${d.region_code}&q=nrqqg`);
        await waitHeading(page, new RegExp(`${d.region_name}`), `${label} in ${d.region_name}`);
        const inPlace = await cards(page);
        assert.ok(inPlace.length >= 1 && inPlace.every((c) => c.name === NAME), `${label}: county=${d.region_code}&q=nrqqg should list only ${NAME}: ${JSON.stringify(inPlace)}`);

        // An unknown name: the empty message.
        await page.locator('#f-name').fill('zzzzqqqq');
        await waitQuery(page, 'q', 'zzzzqqqq', label);
        await page.locator('p.empty').waitFor({ state: 'visible' });
        assert.equal(await page.locator('li.deputy-card').count(), 0, `${label}: a name nobody has should list no cards`);
        expectNoConsoleErrors(page, label);
      });
    });

    test(`3. write to a deputy: validation, draft, offline queue, sent (${width}px)`, async () => {
      const d = readData('search/py/n.json').entries.find((e) => e.name === NAME);
      const page = await newPage(app.browser, { width });
      const offlineNoise = [/ERR_INTERNET_DISCONNECTED/, /ERR_NETWORK_CHANGED/, /Failed to fetch/];
      try {
        await withEndpoint(page, app.server);
        const label = `/direct/write/${d.id} at ${width}px`;

        // The deputy's page.
        await gotoApp(page, app.server.url + `direct/deputy/${d.id}`);
        const dl = `/direct/deputy/${d.id} at ${width}px`;
        assert.equal((await page.locator('main#main h1').innerText()).trim(), NAME, `${dl}: h1 should be the name`);
        await page.locator('dl.stats').waitFor({ state: 'visible' });
        await page.locator('svg.qr').first().waitFor({ state: 'visible' });
        const qaFile = `messages/deputy/${d.id}.json`;
        if (hasData(qaFile) && readData(qaFile).messages.length) {
          await page.locator('li.qa-item').first().waitFor({ state: 'visible' });
        }
        assert.ok(await page.locator('.method').first().isVisible(), `${dl}: the method note .method should be visible`);
        await look(page, 'deputy', width, dl);
        const write = page.locator('a.write-button');
        assert.match((await write.innerText()).trim(), /写信给TA/);
        await write.click();
        await page.waitForURL((u) => u.pathname === `/direct/write/${d.id}`);
        await page.locator('#letter-subject').waitFor({ state: 'visible' });
        await waitForApp(page);
        assert.ok((await page.locator('main#main').innerText()).includes(NAME), `${label}: the form should say who the letter is to`);
        await look(page, 'write', width, label);

        const submit = page.locator('form:has(#letter-content) button[type="submit"]');

        // Empty submit: subject, category, content and consent.
        await submit.click();
        await page.locator('.error-summary[role="alert"]').waitFor({ state: 'visible' });
        assert.match(await errorText(page, 'letter-subject-error'), /请填写标题/, `${label}: empty subject`);
        assert.match(await errorText(page, 'letter-category-error'), /请选择类别/, `${label}: no category`);
        assert.match(await errorText(page, 'letter-content-error'), /请填写内容/, `${label}: empty content`);
        assert.match(await errorText(page, 'letter-consent-error'), /请阅读并勾选/, `${label}: no consent`);
        assert.equal(await errorText(page, 'letter-phone-error'), '', `${label}: an empty phone is fine (it is optional)`);
        for (const id of ['letter-subject', 'letter-category', 'letter-content', 'letter-consent']) {
          assert.equal(await page.locator(`#${id}`).getAttribute('aria-invalid'), 'true', `${label}: #${id} should have aria-invalid="true"`);
        }
        assert.equal(await page.locator('#letter-phone').getAttribute('aria-invalid'), 'false', `${label}: #letter-phone should not be invalid when empty`);
        assert.equal(await focusedId(page), 'letter-subject', `${label}: focus should move to the first bad field`);
        assert.match(await page.locator('.error-summary').innerText(), /4/, `${label}: the summary should count 4 problems`);
        await look(page, 'write-errors', width, `${label} (errors)`);

        // Too long a content, a bad phone, the categories offered.
        const cats = await page.locator('#letter-category option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
        assert.deepEqual(cats, app.site.message_categories, `${label}: #letter-category should offer the site's categories`);
        const subject = `夜间施工噪音扰民${width}`;
        await page.locator('#letter-subject').fill(subject);
        await page.locator('#letter-category').selectOption('城建');
        await page.locator('#letter-content').fill('长'.repeat(601));
        await page.locator('#letter-phone').fill('1381234');
        await expectCount(page, 601, true, label);
        await submit.click();
        await eventually(async () => /超过/.test(await errorText(page, 'letter-content-error')), { timeout: 3_000 });
        assert.match(await errorText(page, 'letter-content-error'), /内容超过 600 字/, `${label}: 601 characters`);
        assert.match(await errorText(page, 'letter-phone-error'), /手机号应为 11 位/, `${label}: phone 1381234`);
        assert.equal(await errorText(page, 'letter-subject-error'), '', `${label}: the subject is fine now`);
        assert.equal(await errorText(page, 'letter-category-error'), '', `${label}: the category is fine now`);
        assert.equal(await page.locator('#letter-subject').getAttribute('aria-invalid'), 'false', `${label}: #letter-subject should no longer be invalid`);
        assert.equal(await page.locator('#letter-phone').getAttribute('aria-invalid'), 'true', `${label}: #letter-phone should be invalid`);
        assert.equal(await focusedId(page), 'letter-content', `${label}: focus should move to the content, the first bad field now`);
        assert.match(await page.locator('.error-summary').innerText(), /3/, `${label}: the summary should count 3 problems (content, phone, consent)`);
        await look(page, 'write-errors-2', width, `${label} (too long, bad phone)`);

        // Anonymous hides name and phone (and a bad phone no longer matters).
        await page.locator('#letter-anonymous').check();
        assert.ok(!(await page.locator('#letter-phone').isVisible()), `${label}: #letter-phone should be hidden when anonymous`);
        assert.ok(!(await page.locator('#letter-name').isVisible()), `${label}: #letter-name should be hidden when anonymous`);
        assert.equal(await errorText(page, 'letter-phone-error'), '', `${label}: no phone error when anonymous`);
        await page.locator('#letter-anonymous').uncheck();
        await page.locator('#letter-phone').waitFor({ state: 'visible' });

        // A good draft, kept across a reload.
        const content = `工地每天晚上十一点以后还在施工，噪音很大，老人孩子休息不好，希望督促按规定时间施工。${Date.now() % 100000}`;
        await page.locator('#letter-content').fill(content);
        await expectCount(page, [...content].length, false, label);
        await page.locator('#letter-name').fill('王女士');
        await page.locator('#letter-phone').fill('13812345678');
        await page.locator('#letter-publish').check();
        await eventually(async () => (await storageText(page)).includes(content), { timeout: 5_000 });
        await reloadApp(page);
        await page.locator('#letter-content').waitFor({ state: 'visible' });
        await eventually(async () => (await page.locator('#letter-content').inputValue()) === content, { timeout: 5_000 });
        assert.equal(await page.locator('#letter-content').inputValue(), content, `${label}: the content should survive a reload`);
        assert.equal(await page.locator('#letter-subject').inputValue(), subject, `${label}: the subject should survive a reload`);
        assert.equal(await page.locator('#letter-category').inputValue(), '城建', `${label}: the category should survive a reload`);
        assert.equal(await page.locator('#letter-phone').inputValue(), '13812345678', `${label}: the phone should survive a reload`);
        assert.equal(await page.locator('.error-summary').count(), 0, `${label}: no errors should show after a reload, before a new submit`);

        // Drafts are per deputy: another deputy's form is empty; back here the draft is still there.
        const other = readData('search/py/n.json').entries.find((e) => e.name === NAME && e.id !== d.id) || readData('search/py/n.json').entries.find((e) => e.id !== d.id);
        await gotoApp(page, app.server.url + `direct/write/${other.id}`);
        await page.locator('#letter-content').waitFor({ state: 'visible' });
        assert.equal(await page.locator('#letter-content').inputValue(), '', `${label}: the draft for ${d.id} should not show on /direct/write/${other.id}`);
        assert.equal(await page.locator('#letter-subject').inputValue(), '', `${label}: the subject for ${d.id} should not show on /direct/write/${other.id}`);
        await gotoApp(page, app.server.url + `direct/write/${d.id}`);
        await page.locator('#letter-content').waitFor({ state: 'visible' });
        await eventually(async () => (await page.locator('#letter-content').inputValue()) === content, { timeout: 5_000 });
        assert.equal(await page.locator('#letter-content').inputValue(), content, `${label}: back on ${d.id} the draft should still be there`);
        expectNoConsoleErrors(page, label);

        // Offline: consent and submit; the receipt shows at once.
        await page.context().setOffline(true);
        await page.locator('#letter-consent').check();
        await submit.click();
        const done = page.locator('.done[role="status"]');
        await done.waitFor({ state: 'visible', timeout: 10_000 });
        const code = await groupedReceiptCode(done, label);
        const trackHref = await done.locator('a[href*="/direct/track?code="]').first().getAttribute('href');
        assert.ok(trackHref && trackHref.endsWith(`code=${code}`), `${label}: the done box should link to /direct/track?code=${code} (href ${trackHref})`);
        assert.equal(await page.locator('#letter-content').inputValue(), '', `${label}: the form should be emptied after sending`);
        await look(page, 'write-done', width, `${label} (done)`);

        await navigateInApp(page, app.server.url, 'mine');
        await page.locator('main#main h1', { hasText: '我的提交' }).waitFor();
        const queued = await waitItemText(page, code, '待发送', `${label} offline`, 5_000);
        assert.match(queued, /给代表的信/, `${label}: the item should be labelled 给代表的信`);
        assert.ok(queued.includes(NAME) && queued.includes(subject), `${label}: the item title should name ${NAME} and the subject: ${queued}`);
        assert.equal(app.server.state.received.length, 0, `${label}: nothing can arrive while offline`);
        await look(page, 'mine-queued', width, `/mine at ${width}px (offline)`);

        // Online: it is POSTed once, with the letter's fields, and shows 已发送.
        await page.context().setOffline(false);
        const got = await eventually(() => app.server.state.received.find((x) => x.receipt_code === code), { timeout: 12_000 });
        assert.ok(got, `${label}: the server should receive ${code} after going online; received ${JSON.stringify(app.server.state.received).slice(0, 400)}`);
        assert.equal(got.kind, 'message', `${label}: kind`);
        const p = got.payload || {};
        assert.equal(p.deputy_id, d.id, `${label}: payload.deputy_id`);
        assert.equal(p.subject, subject, `${label}: payload.subject`);
        assert.equal(p.category, '城建', `${label}: payload.category`);
        assert.equal(p.content, content, `${label}: payload.content`);
        assert.equal(p.phone, '13812345678', `${label}: payload.phone`);
        assert.equal(p.anonymous, false, `${label}: payload.anonymous`);
        assert.equal(p.publish, true, `${label}: payload.publish`);
        assert.equal(p.consent, true, `${label}: payload.consent`);
        await waitItemText(page, code, '已发送', `${label} online`);
        assert.equal(app.server.state.received.filter((x) => x.receipt_code === code).length, 1, `${label}: it should be sent exactly once`);
        await look(page, 'mine-sent', width, `/mine at ${width}px (sent)`);

        // Sending waited for the network: going offline and back must not break anything else.
        expectNoConsoleErrors(page, `${label} (offline and back)`, offlineNoise);

        // Tracking the new code: not published yet, but this device has it.
        clearProblems(page);
        await gotoApp(page, app.server.url + `direct/track?code=${code}`);
        await page.locator('.notice', { hasText: '暂未查到' }).waitFor({ state: 'visible' });
        const local = page.locator('.local-copy');
        assert.ok((await local.count()) && /已发送/.test(await local.innerText()), `${label}: /direct/track?code=${code} should say this device has the letter, 已发送`);
        expectNoConsoleErrors(page, `${label} (track)`, [new RegExp(`track/${code}\\.json`), ...offlineNoise]);
      } finally {
        await page.context().setOffline(false).catch(() => {});
        await closePage(page);
      }
    });

    test(`4. track a receipt code, rate 不满意, the re-handled record, a bad code, Q&A (${width}px)`, async () => {
      const rec = pickReplied(width === MOBILE ? 0 : 1);
      const reopened = pickReopened();
      await withPage(app.browser, { width }, async (page) => {
        const label = `/direct/track at ${width}px`;
        await gotoApp(page, app.server.url + 'direct/track');
        await look(page, 'track', width, label);

        // An invalid code: the check digit is wrong.
        const bad = badCheckDigit(rec.receipt_code);
        await page.locator('#track-code').fill(bad);
        await page.locator('form:has(#track-code) button[type="submit"]').click();
        await eventually(async () => (await errorText(page, 'track-code-error')).length > 0, { timeout: 3_000 });
        assert.match(await errorText(page, 'track-code-error'), /查询码应为 12 位数字/, `${label}: code ${bad}`);
        assert.equal(await page.locator('#track-code').getAttribute('aria-invalid'), 'true', `${label}: #track-code should have aria-invalid="true"`);
        assert.equal(await page.locator('.record').count(), 0, `${label}: no record for a bad code`);
        await look(page, 'track-bad', width, `${label} (bad code)`);

        // A valid code nobody published.
        const none = unpublishedCode();
        await page.locator('#track-code').fill(none);
        await page.locator('form:has(#track-code) button[type="submit"]').click();
        await waitQuery(page, 'code', none, label);
        const notice = page.locator('.notice', { hasText: '暂未查到' });
        await notice.waitFor({ state: 'visible' });
        assert.equal(await errorText(page, 'track-code-error'), '', `${label}: a valid code shows no error`);
        await look(page, 'track-none', width, `${label} (unpublished)`);
        expectNoConsoleErrors(page, label, [new RegExp(`track/${none}\\.json`)]);
        clearProblems(page);

        // A published code whose last event is "replied", typed with spaces as it is read aloud.
        const spaced = rec.receipt_code.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1 $2 $3');
        await page.locator('#track-code').fill(spaced);
        await page.locator('form:has(#track-code) button[type="submit"]').click();
        await waitQuery(page, 'code', rec.receipt_code, label);
        const record = page.locator('.record');
        await record.waitFor({ state: 'visible' });
        await waitForApp(page);
        const rl = `${label}, code ${rec.receipt_code}`;
        assert.ok((await record.locator('h2').innerText()).includes(rec.subject), `${rl}: the record should show the subject "${rec.subject}"`);
        assert.equal(await record.locator('ol.timeline > li').count(), rec.events.length, `${rl}: one timeline entry per event`);
        const reply = rec.events.at(-1);
        assert.ok((await record.locator('ol.timeline').innerText()).includes(reply.text), `${rl}: the timeline should show the reply text`);
        const radios = page.locator('input[name="rating"]');
        assert.equal(await radios.count(), 3, `${rl}: three rating radios`);
        const choiceText = (await page.locator('fieldset.choices').innerText()).replace(/\s+/g, ' ');
        for (const w of ['满意', '基本满意', '不满意']) assert.ok(choiceText.includes(w), `${rl}: the choices should include ${w}: ${choiceText}`);
        await look(page, 'track-replied', width, rl);

        // 不满意 with a comment: the re-handling notice, then the rating receipt.
        await page.locator('label.choice', { hasText: '不满意' }).locator('input[name="rating"]').check();
        const back = page.locator('.rate .notice');
        await back.waitFor({ state: 'visible' });
        assert.match(await back.innerText(), /退回重新办理/, `${rl}: choosing 不满意 should say it goes back for re-handling`);
        const comment = `答复没有说明具体整改时间${width}`;
        await page.locator('#rate-comment').fill(comment);
        await look(page, 'track-rate', width, `${rl} (rating 不满意)`);
        await page.locator('.rate button[type="submit"]').click();
        const rated = page.locator('.rate .done[role="status"]');
        await rated.waitFor({ state: 'visible' });
        const rc = await groupedReceiptCode(rated, rl);
        assert.notEqual(rc, rec.receipt_code, `${rl}: the rating gets a receipt code of its own`);
        await look(page, 'track-rated', width, `${rl} (rated)`);

        // Reload: the rating given from this device is remembered.
        await reloadApp(page);
        await page.locator('.record').waitFor({ state: 'visible' });
        await page.locator('.rate .done').waitFor({ state: 'visible' });
        assert.equal(await page.locator('input[name="rating"]').count(), 0, `${rl}: after a reload the rating form should not show again`);

        // 我的提交 lists it as 答复评价.
        await gotoApp(page, app.server.url + 'mine');
        const itemText = await waitItemText(page, rc, '答复评价', `/mine at ${width}px`);
        assert.match(itemText, /不满意/, `/mine at ${width}px: the rating item should say 不满意: ${itemText.replace(/\s+/g, ' ')}`);
        await look(page, 'mine-rating', width, `/mine at ${width}px (rating)`);

        // The re-handled record: both replies in the timeline.
        const rel = `${label}, code ${reopened.receipt_code}`;
        await gotoApp(page, app.server.url + `direct/track?code=${reopened.receipt_code}`);
        await page.locator('.record').waitFor({ state: 'visible' });
        const timeline = page.locator('.record ol.timeline > li');
        assert.equal(await timeline.count(), reopened.events.length, `${rel}: one timeline entry per event`);
        const replies = reopened.events.filter((e) => e.type === 'replied');
        assert.equal(replies.length, 2, 'the re-handled record should have two replies in the data');
        const tlText = await page.locator('.record ol.timeline').innerText();
        for (const r of replies) assert.ok(tlText.includes(r.text), `${rel}: the timeline should show the reply "${r.text.slice(0, 20)}…"`);
        assert.equal((tlText.match(/已答复/g) || []).length, 2, `${rel}: the timeline should show two "… 已答复" entries: ${tlText.replace(/\s+/g, ' ')}`);
        assert.match(tlText, /重新办理/, `${rel}: the timeline should show the 重新办理 step`);
        assert.match(tlText, /不满意/, `${rel}: the timeline should show the 不满意 rating`);
        assert.ok((await page.locator('.record').innerText()).includes(NAME), `${rel}: the record should name ${NAME}`);
        await look(page, 'track-reopened', width, rel);

        // The public Q&A with per-level responsiveness.
        await gotoApp(page, app.server.url + 'direct/qa');
        const ql = `/direct/qa at ${width}px`;
        await page.locator('.level-stat').first().waitFor({ state: 'visible' });
        assert.equal(await page.locator('.level-stat').count(), readData('messages/stats.json').by_level.length, `${ql}: one .level-stat per level`);
        assert.ok((await page.locator('li.qa-item').count()) > 0, `${ql}: public Q&A items`);
        assert.ok(await page.locator('.method').first().isVisible(), `${ql}: the method note`);
        await look(page, 'qa', width, ql);
        expectNoConsoleErrors(page, label);
      });
    });
  });
}

// The deputy file says whether a public Q&A file exists (has_messages), so a deputy nobody has
// written to costs no request and no 404 in the console (issue 16, part 4).
test('a deputy page asks for its Q&A file only when the data says there is one', async () => {
  const deputies = fs.readdirSync(dataPath('deputies')).sort().map((f) => readData(`deputies/${f}`));
  const without = deputies.find((d) => d.has_messages === false);
  const withQa = deputies.find((d) => d.has_messages === true);
  assert.ok(without && withQa, 'the demo data should have deputies with and without public Q&A');
  assert.ok(!hasData(`messages/deputy/${without.id}.json`), `${without.id} says has_messages: false, so its file should not exist`);
  await withPage(app.browser, { width: MOBILE }, async (page) => {
    const asked = [];
    page.on('request', (r) => { if (r.url().includes('/messages/deputy/')) asked.push(new URL(r.url()).pathname); });
    for (const d of [without, withQa]) {
      await gotoApp(page, app.server.url + `direct/deputy/${d.id}`);
      assert.equal((await page.locator('main#main h1').innerText()).trim(), d.name);
      await page.locator('dl.stats').waitFor({ state: 'visible' });
      await settle(page);
    }
    assert.ok(!asked.some((p) => p.endsWith(`/${without.id}.json`)), `no request for ${without.id}'s Q&A: ${asked.join(', ')}`);
    assert.ok(asked.some((p) => p.endsWith(`/${withQa.id}.json`)), `${withQa.id}'s Q&A should be fetched: ${asked.join(', ')}`);
    await page.locator('li.qa-item').first().waitFor({ state: 'visible' });
    expectNoConsoleErrors(page, 'deputy pages with and without Q&A');
  });
});

/** The live count under the content: "已输入 n / 600 字", class "count over" when too long. */
async function expectCount(page, n, over, label) {
  const el = page.locator('#letter-content-count');
  const ok = await eventually(async () => (await el.innerText()).includes(`${n} / 600`), { timeout: 3_000, interval: 100 });
  assert.ok(ok, `${label}: #letter-content-count should show ${n} / 600; it shows "${await el.innerText()}"`);
  const cls = (await el.getAttribute('class')) || '';
  assert.equal(cls.split(/\s+/).includes('over'), over, `${label}: #letter-content-count class "${cls}" ${over ? 'should' : 'should not'} include "over"`);
}

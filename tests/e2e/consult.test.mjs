// 征求意见, end to end, at 375 px and 1280 px:
//   1. the open draft from /consult: validation messages, the draft kept across a reload, then with
//      the keyboard only: TOC link to 第十二条 (focus moves to section#a12), its comment button
//      (focus to #comment-content, the form quotes 第十二条), consent with Space, submit with Enter;
//      the receipt code, and 我的提交 lists it as 草案意见;
//   2. the deadline (Asia/Shanghai end of the closing day), with Playwright's clock: after it the
//      form is refused with the message, just before it the form shows, and a send attempted after
//      the deadline passed with the page open is refused at the moment of sending;
//   3. the published consultation: per-article diffs with <del>/<ins>, adoption badges and reasons
//      (incl. 未采纳), and the 只看有修改的条文 toggle;
//   4. /consult filtered by status and year through the URL, kept across a reload; the empty
//      result; the summarizing consultation (意见汇总中 note, form refused).
// Every page visited gets a screenshot (consult-*-{width}.png) and an axe-core check.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO_NOW,
  MOBILE,
  DESKTOP,
  useAppServer,
  readData,
  withPage,
  gotoApp,
  reloadApp,
  waitForApp,
  expectNoConsoleErrors,
  settle,
  shot,
  axeCheck,
  groupedReceiptCode,
  eventually,
  storageText,
} from './lib.mjs';

const app = useAppServer({ reset: true });

const OPEN_ID = '2025-01';
const SUMMARIZING_ID = '2025-02';
const PUBLISHED_ID = '2024-03';

// ---------------------------------------------------------------------------------------------
// Data from the build

const NUMERALS = '零一二三四五六七八九';
/** 第十二条 style labels (1–99), as crates/model's article_label. */
function chineseNumber(n) {
  if (n < 10) return NUMERALS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : NUMERALS[tens]}十${ones ? NUMERALS[ones] : ''}`;
}
const articleLabel = (n) => `第${chineseNumber(n)}条`;

function articles(legal) {
  return legal.chapters.flatMap((c) => c.articles);
}

/** Today's date in Asia/Shanghai as a UTC-midnight Date (for whole-day arithmetic). */
function shanghaiToday(now = new Date(DEMO_NOW)) {
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return new Date(`${ymd}T00:00:00Z`);
}

/** "还剩 N 天": whole days left including today (1 on the last day). */
function daysLeft(closes, now = new Date(DEMO_NOW)) {
  return Math.round((new Date(`${closes}T00:00:00Z`) - shanghaiToday(now)) / 86_400_000) + 1;
}

const squash = (s) => String(s || '').replace(/\s+/g, '');

// ---------------------------------------------------------------------------------------------
// Page helpers

async function look(page, name, width, label) {
  await shot(page, `consult-${name}-${width}`);
  await axeCheck(page, label || `${name} at ${width}px`);
}

/** A short description of the focused element, for messages. */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(body)';
    const id = el.id ? `#${el.id}` : '';
    const cls = el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    const href = el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : '';
    return `${el.tagName.toLowerCase()}${id}${cls}${href} "${(el.textContent || '').trim().slice(0, 20)}"`;
  });
}

async function activeMatches(page, selector) {
  return page.evaluate((sel) => !!document.activeElement && document.activeElement.matches(sel), selector);
}

/** Press Tab until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page, selector, label, max = 200) {
  const trail = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await activeMatches(page, selector)) return i + 1;
    if (trail.length < 400) trail.push(await focused(page));
  }
  assert.fail(`${label}: ${max} presses of Tab never reached ${selector}; focus went through:\n  ${trail.slice(-25).join('\n  ')}`);
}

/** [{id, title, badge, countdown, text}] of the cards on /consult. */
async function cards(page) {
  return page.locator('li.consult-card').evaluateAll((els) =>
    els.map((el) => {
      const a = el.querySelector('a.consult-title');
      return {
        id: a ? (a.getAttribute('href') || '').split('/').pop() : null,
        title: (a?.textContent || '').trim(),
        badge: (el.querySelector('.phase-badge')?.textContent || '').trim(),
        countdown: el.querySelector('.countdown') ? el.querySelector('.countdown').textContent.trim() : null,
        text: (el.textContent || '').replace(/\s+/g, ' ').trim(),
      };
    }),
  );
}

async function waitCards(page, ids, label) {
  const ok = await eventually(async () => JSON.stringify((await cards(page)).map((c) => c.id)) === JSON.stringify(ids), { timeout: 5_000, interval: 100 });
  const now = (await cards(page)).map((c) => c.id);
  assert.ok(ok, `${label}: the cards should be ${JSON.stringify(ids)}; they are ${JSON.stringify(now)}`);
  await settle(page);
}

/** /consult with the clock fixed at `time`: waits for every card, returns the open draft's card. */
async function openCardAt(page, time, label) {
  await page.clock.setFixedTime(new Date(time));
  await gotoApp(page, app.server.url + 'consult');
  await waitCards(page, readData('consultations/index.json').consultations.map((x) => x.id), label);
  return (await cards(page)).find((x) => x.id === OPEN_ID);
}

function query(page) {
  const q = new URL(page.url()).searchParams;
  return { status: q.get('status'), year: q.get('year') };
}

async function waitQuery(page, want, label) {
  const ok = await eventually(() => JSON.stringify(query(page)) === JSON.stringify(want), { timeout: 5_000, interval: 100 });
  assert.ok(ok, `${label}: the URL query should be ${JSON.stringify(want)}; the URL is ${decodeURI(page.url())}`);
}

async function waitDetail(page, c, label) {
  await page.locator('main#main h1', { hasText: c.title }).waitFor({ state: 'visible' });
  // The comment section's code comes when the reader nears it (src/ui/near.rs): scroll down as
  // a reader would.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.locator('section.comment-section').waitFor({ state: 'visible' });
  await settle(page);
  assert.equal((await page.locator('main#main h1').innerText()).trim(), c.title, `${label}: the h1 should be the title`);
}

async function refusedText(page) {
  const p = page.locator('p.refused[role="alert"]');
  return (await p.count()) ? (await p.innerText()).trim() : null;
}

async function expectRefused(page, closes, label) {
  const p = page.locator('p.refused[role="alert"]');
  const ok = await eventually(async () => (await p.count()) > 0, { timeout: 5_000, interval: 100 });
  assert.ok(ok, `${label}: the form should be replaced by p.refused[role=alert]; the comment section shows: ${(await page.locator('section.comment-section').innerText()).replace(/\s+/g, ' ')}`);
  const text = await refusedText(page);
  assert.ok(text.startsWith(`本次征求意见已于 ${closes} 截止`), `${label}: the refusal should say "本次征求意见已于 ${closes} 截止…"; it says "${text}"`);
  assert.equal(await page.locator('#comment-content').count(), 0, `${label}: no #comment-content once refused`);
  assert.equal(await page.locator('section.comment-section button[type="submit"]').count(), 0, `${label}: no submit button once refused`);
}

/** The receipt code in the .done box: twelve digits shown as three groups of four, Damm-valid. */
async function doneCode(page, label) {
  const done = page.locator('section.comment-section .done[role="status"]');
  await done.waitFor({ state: 'visible', timeout: 15_000 });
  return groupedReceiptCode(done, label);
}

// ---------------------------------------------------------------------------------------------

for (const width of [MOBILE, DESKTOP]) {
  describe(`征求意见 at ${width}px`, () => {
    test(`1. the open draft: validation, draft over reload, keyboard-only comment on 第十二条, receipt, 我的提交 (${width}px)`, async () => {
      const index = readData('consultations/index.json');
      const c = readData(`consultations/${OPEN_ID}.json`);
      const a12 = articles(c.draft).find((a) => a.number === 12);
      assert.ok(a12, `${OPEN_ID}.json should have article 12`);
      await withPage(app.browser, { width }, async (page) => {
        // The list: the open draft with its countdown.
        const ll = `/consult at ${width}px`;
        await gotoApp(page, app.server.url + 'consult');
        await waitCards(page, index.consultations.map((x) => x.id), ll);
        await look(page, 'list', width, ll);
        const card = page.locator('li.consult-card', { has: page.locator(`a.consult-title[href$="/consult/${OPEN_ID}"]`) });
        await card.locator('a.consult-title').click();
        await page.waitForURL((u) => u.pathname === `/consult/${OPEN_ID}`);
        const label = `/consult/${OPEN_ID} at ${width}px`;
        await waitDetail(page, c, label);

        // Structure: 起草说明, one TOC link per article, per-article published comments.
        const bg = page.locator('details.background');
        assert.ok(await bg.isVisible(), `${label}: details.background should be visible`);
        assert.match(await bg.locator('summary').innerText(), /起草说明/, `${label}: the background summary should say 起草说明`);
        const all = articles(c.draft);
        assert.equal(await page.locator('nav.toc a[href^="#a"]').count(), all.length, `${label}: nav.toc should have one link per article (${all.length})`);
        assert.equal(await page.locator('section.article-item').count(), all.length, `${label}: one section.article-item per article`);
        const on12 = c.comments.filter((x) => x.article === 12);
        const s12 = page.locator('section#a12.article-item');
        assert.equal((await s12.locator('h4, .article-label').first().innerText()).trim(), '第十二条', `${label}: section#a12 should be labelled 第十二条`);
        assert.match(await s12.locator('.count-badge').innerText(), new RegExp(`${on12.length}\\s*条公开意见`), `${label}: section#a12 .count-badge should count ${on12.length} published comments`);
        const det = s12.locator('details.article-comments');
        assert.equal(await det.locator('li').count(), on12.length, `${label}: section#a12 details.article-comments should hold ${on12.length} comments`);
        await page.locator('section#a12 details.article-comments summary').click();
        assert.ok(await det.locator('li').first().isVisible(), `${label}: opening details.article-comments should show the comments`);
        assert.ok(squash(await det.innerText()).includes(squash(on12[0].text)), `${label}: the first published comment on 第十二条 should be shown`);
        await bg.locator('summary').click();
        assert.ok(squash(await bg.innerText()).includes(squash(c.background[0].text)), `${label}: the opened 起草说明 should show the first background paragraph`);
        await look(page, 'draft', width, label);

        // Validation after an attempt (mouse).
        const form = page.locator('section.comment-section form');
        await form.locator('button[type="submit"]').click();
        const contentError = page.locator('#comment-content-error');
        await eventually(async () => (await contentError.innerText()).trim() !== '', { timeout: 3_000, interval: 100 });
        assert.match(await contentError.innerText(), /请填写意见内容/, `${label}: an empty submit should say 请填写意见内容 in #comment-content-error`);
        assert.match(await page.locator('#comment-consent-error').innerText(), /请阅读并勾选同意/, `${label}: an empty submit should ask for consent in #comment-consent-error`);
        assert.equal(await page.locator('#comment-content').getAttribute('aria-invalid'), 'true', `${label}: #comment-content aria-invalid should be true after an empty submit`);
        assert.ok(await activeMatches(page, '#comment-content'), `${label}: an empty submit should focus #comment-content; focus is on ${await focused(page)}`);
        assert.equal((await page.locator('#comment-contact-error').innerText()).trim(), '', `${label}: an empty contact is fine (optional)`);
        const draft = `建议第十二条把专用道使用时段写进条例，早高峰7:00至9:00（${width}）`;
        await page.locator('#comment-content').fill(draft);
        await page.locator('#comment-contact').fill('1380000');
        await eventually(async () => /手机号|邮箱/.test(await page.locator('#comment-contact-error').innerText()), { timeout: 3_000, interval: 100 });
        assert.match(await page.locator('#comment-contact-error').innerText(), /11 位手机号或有效邮箱/, `${label}: a 7-digit contact should be refused`);
        assert.equal((await contentError.innerText()).trim(), '', `${label}: #comment-content-error should clear once there is content`);
        await look(page, 'draft-errors', width, `${label} (validation messages)`);
        await page.locator('#comment-contact').fill('someone@example.com');
        await eventually(async () => (await page.locator('#comment-contact-error').innerText()).trim() === '', { timeout: 3_000, interval: 100 });
        assert.equal((await page.locator('#comment-contact-error').innerText()).trim(), '', `${label}: an email is an accepted contact`);
        await page.locator('#comment-contact').fill('');

        // Reload mid-draft: the text is kept.
        const stored = await eventually(async () => (await storageText(page)).includes(draft), { timeout: 5_000 });
        assert.ok(stored, `${label}: the draft should be saved to storage`);
        await reloadApp(page);
        await waitDetail(page, c, `${label} after reload`);
        assert.equal(await page.locator('#comment-content').inputValue(), draft, `${label}: after a reload #comment-content should still hold the draft`);
        assert.ok(!(await page.locator('#comment-consent').isChecked()), `${label}: consent was never given, so it should still be unchecked`);

        // Keyboard only from here: Tab to the TOC link of 第十二条, Enter.
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.evaluate(() => document.activeElement && document.activeElement.blur && document.activeElement.blur());
        await tabTo(page, 'nav.toc a[href="#a12"]', label);
        await page.keyboard.press('Enter');
        const onSection = await eventually(() => activeMatches(page, 'section#a12.article-item'), { timeout: 3_000, interval: 100 });
        assert.ok(onSection, `${label}: Enter on the TOC link 第十二条 should focus section#a12; focus is on ${await focused(page)}`);
        assert.equal(await page.evaluate(() => document.activeElement.id), 'a12', `${label}: document.activeElement should be section#a12`);
        const inView = await s12.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top < window.innerHeight && r.bottom > 0 && r.top > -r.height;
        });
        assert.ok(inView, `${label}: section#a12 should be scrolled into view after the TOC link`);
        assert.ok(!(await page.evaluate(() => location.hash)) || (await page.evaluate(() => location.hash)) === '#a12', `${label}: the URL hash, if any, should be #a12 (is ${await page.evaluate(() => location.hash)})`);
        await look(page, 'draft-a12', width, `${label} (第十二条 focused)`);

        // Tab to its comment button, Enter.
        await page.keyboard.press('Tab');
        assert.ok(await activeMatches(page, 'section#a12 button.comment-button'), `${label}: Tab from section#a12 should reach its comment button; focus is on ${await focused(page)}`);
        assert.equal((await page.locator('section#a12 button.comment-button').innerText()).trim(), '对第十二条提意见', `${label}: the button should say 对第十二条提意见`);
        await page.keyboard.press('Enter');
        const inContent = await eventually(() => activeMatches(page, '#comment-content'), { timeout: 3_000, interval: 100 });
        assert.ok(inContent, `${label}: Enter on 对第十二条提意见 should focus #comment-content; focus is on ${await focused(page)}`);
        assert.equal((await page.locator('section.comment-section .about-label').innerText()).trim(), '第十二条', `${label}: .about-label should say 第十二条`);
        const quote = page.locator('section.comment-section blockquote.quote');
        await quote.waitFor({ state: 'visible' });
        assert.equal(squash(await quote.innerText()), squash(a12.paragraphs.join('')), `${label}: blockquote.quote should quote 第十二条`);

        // Type more, Tab to consent, Space, Tab to submit, Enter.
        await page.keyboard.press('End');
        await page.keyboard.press('Control+End');
        const more = '，晚高峰17:00至19:00，其他时段允许社会车辆通行。';
        await page.keyboard.type(more);
        const full = draft + more;
        assert.equal(await page.locator('#comment-content').inputValue(), full, `${label}: #comment-content should hold the draft and what was typed`);
        assert.match(await page.locator('#comment-content-count').innerText(), new RegExp(`${[...full].length} / 2000`), `${label}: the count should show ${[...full].length} / 2000`);
        await tabTo(page, '#comment-consent', label, 10);
        await page.keyboard.press('Space');
        assert.ok(await page.locator('#comment-consent').isChecked(), `${label}: Space on #comment-consent should check it`);
        await tabTo(page, 'section.comment-section button[type="submit"]', label, 5);
        assert.equal((await page.locator('section.comment-section button[type="submit"]').innerText()).trim(), '提交意见');
        await page.keyboard.press('Enter');
        const code = await doneCode(page, label);
        assert.match(await page.locator('section.comment-section .done').innerText(), /意见已提交/, `${label}: the done box should say 意见已提交`);
        await look(page, 'done', width, `${label} (submitted)`);

        // 我的提交 lists it as 草案意见.
        await page.locator('section.comment-section .done a[href="/mine"]').click();
        await page.waitForURL((u) => u.pathname === '/mine');
        await waitForApp(page);
        const ml = `/mine at ${width}px`;
        const item = page.locator(`.outbox-item[data-code="${code}"]`);
        await item.waitFor({ state: 'visible', timeout: 10_000 });
        const itemText = (await item.innerText()).replace(/\s+/g, ' ');
        assert.match(itemText, /草案意见/, `${ml}: the item ${code} should be labelled 草案意见: ${itemText}`);
        assert.ok(itemText.includes(c.title) || itemText.includes('第十二条'), `${ml}: the item should name the draft or 第十二条: ${itemText}`);
        await look(page, 'mine', width, ml);

        // The draft is gone once sent.
        await gotoApp(page, app.server.url + `consult/${OPEN_ID}`);
        await waitDetail(page, c, `${label} again`);
        assert.equal(await page.locator('#comment-content').inputValue(), '', `${label}: after sending, the form should be empty`);
        expectNoConsoleErrors(page, label);
      });
    });

    test(`2. the deadline: refused after 2026-12-20 (Shanghai), open just before, checked again when sending (${width}px)`, async () => {
      const c = readData(`consultations/${OPEN_ID}.json`);
      assert.equal(c.closes, '2026-12-20', 'the open draft should close on 2026-12-20');
      const label = `/consult/${OPEN_ID} at ${width}px`;

      // After the deadline: 00:30 on 21 December in Shanghai (still 20 December in UTC).
      await withPage(app.browser, { width }, async (page) => {
        const l = `${label}, clock 2026-12-21 00:30 +08:00`;
        const open = await openCardAt(page, '2026-12-21T00:30:00+08:00', l);
        assert.equal(open.countdown, null, `${l}: /consult should show no countdown for ${OPEN_ID} after the deadline: ${open.text}`);
        assert.match(open.text, /已截止/, `${l}: /consult should say 已截止 for ${OPEN_ID}: ${open.text}`);
        await look(page, 'list-after-deadline', width, `/consult at ${width}px after the deadline`);

        await page.locator(`a.consult-title[href$="/consult/${OPEN_ID}"]`).click();
        await page.waitForURL((u) => u.pathname === `/consult/${OPEN_ID}`);
        await waitDetail(page, c, l);
        await expectRefused(page, '2026-12-20', l);
        await look(page, 'after-deadline', width, l);

        // A direct load (reload) refuses too.
        await reloadApp(page);
        await waitDetail(page, c, `${l} after reload`);
        await expectRefused(page, '2026-12-20', `${l} after reload`);
        expectNoConsoleErrors(page, l);
      });

      // Positive control: 23:30 on the closing day; then the deadline passes before sending.
      await withPage(app.browser, { width }, async (page) => {
        const l = `${label}, clock 2026-12-20 23:30 +08:00`;
        const open = await openCardAt(page, '2026-12-20T23:30:00+08:00', l);
        assert.equal(open.countdown, '还剩 1 天', `${l}: /consult should show 还剩 1 天 on the last day: ${open.text}`);
        await look(page, 'list-last-day', width, `/consult at ${width}px on the last day`);

        await gotoApp(page, app.server.url + `consult/${OPEN_ID}`);
        await waitDetail(page, c, l);
        assert.equal(await refusedText(page), null, `${l}: no p.refused before the deadline`);
        assert.ok(await page.locator('#comment-content').isVisible(), `${l}: the form (#comment-content) should show before the deadline`);
        const text = `最后一天提交的意见（${width}）：建议增加夜班公交线路。`;
        await page.locator('#comment-content').fill(text);
        await page.locator('#comment-consent').check();
        await look(page, 'last-day', width, l);

        // The clock passes midnight while the page is open: sending is refused.
        await page.clock.setFixedTime(new Date('2026-12-21T00:00:30+08:00'));
        await page.locator('section.comment-section button[type="submit"]').click();
        await expectRefused(page, '2026-12-20', `${l}, sent at 2026-12-21 00:00:30`);
        assert.equal(await page.locator('.receipt-code').count(), 0, `${l}: no receipt code when sending after the deadline`);
        // Checked at the end, so that the rest of the journey still runs when it fails.
        const onRefusal = await eventually(() => activeMatches(page, 'p.refused'), { timeout: 2_000, interval: 100 });
        const focusAfterRefusal = await focused(page);
        await look(page, 'refused-at-send', width, `${l} (refused at the moment of sending)`);

        await gotoApp(page, app.server.url + 'mine');
        await settle(page);
        const listed = await page.locator('.outbox-item', { hasText: '草案意见' }).count();
        assert.equal(listed, 0, `/mine at ${width}px: nothing should be listed after a refused send; shows ${(await page.locator('main#main').innerText()).replace(/\s+/g, ' ').slice(0, 300)}`);
        await look(page, 'mine-empty', width, `/mine at ${width}px after a refused send`);
        expectNoConsoleErrors(page, l);
        assert.ok(onRefusal, `${l}: a send refused at the deadline should move focus to p.refused#comment-refused (the app calls go_to("comment-refused")); focus is on ${focusAfterRefusal}`);
      });
    });

    test(`3. the published consultation: diffs with del/ins, adoption reasons incl. 未采纳, the only-changed toggle (${width}px)`, async () => {
      const c = readData(`consultations/${PUBLISHED_ID}.json`);
      assert.ok(c.final_text, `${PUBLISHED_ID}.json should have final_text`);
      const label = `/consult/${PUBLISHED_ID} at ${width}px`;
      // Shown by default: every changed article, and unchanged ones whose comments were answered
      // (so a 未采纳 on an unchanged article is not hidden).
      const answered = (ch) => ch.draft_article && c.adoption.some((a) => a.article === ch.draft_article);
      const changed = c.changes.filter((x) => x.kind !== 'unchanged' || answered(x));
      const KIND = { unchanged: '未修改', changed: '有修改', added: '新增条文', removed: '删除条文' };
      const RESULT = { adopted: '采纳', partly: '部分采纳', not_adopted: '未采纳' };
      assert.ok(c.adoption.some((a) => a.result === 'not_adopted'), `${PUBLISHED_ID}.json should have a 未采纳 adoption`);
      await withPage(app.browser, { width }, async (page) => {
        await gotoApp(page, app.server.url + `consult/${PUBLISHED_ID}`);
        await waitDetail(page, c, label);
        const result = page.locator('section.result');
        await result.waitFor({ state: 'visible' });
        assert.match(await page.locator('.phase-badge').first().innerText(), /已公布结果/, `${label}: the phase badge should say 已公布结果`);
        const toggle = page.locator('#only-changed');
        assert.ok(await toggle.isChecked(), `${label}: #only-changed should be checked by default`);

        /** [{kind, badge, del, ins, head, text, adoptions: [{badge, text}]}] of the li.change shown. */
        const shown = () =>
          page.locator('section.result li.change').evaluateAll((els) =>
            els.map((el) => ({
              kind: [...el.classList].find((k) => k.startsWith('change-'))?.slice(7),
              badge: (el.querySelector('.change-badge')?.textContent || '').trim(),
              del: el.querySelectorAll('p.diff del').length,
              ins: el.querySelectorAll('p.diff ins').length,
              head: (el.querySelector('.change-head')?.textContent || '').replace(/\s+/g, ''),
              text: (el.textContent || '').replace(/\s+/g, ''),
              adoptions: [...el.querySelectorAll('.adoption')].map((a) => ({ badge: (a.querySelector('.adoption-badge')?.textContent || '').trim(), text: (a.textContent || '').replace(/\s+/g, '') })),
            })),
          );

        const checkList = (list, want, l) => {
          assert.equal(list.length, want.length, `${l}: ${want.length} li.change expected, ${list.length} shown (${list.map((x) => x.badge).join(' ')})`);
          want.forEach((ch, i) => {
            const got = list[i];
            const what = `${l}, li.change #${i + 1} (草案 ${ch.draft_article ?? '-'} → 正式 ${ch.final_article ?? '-'})`;
            assert.equal(got.badge, KIND[ch.kind], `${what}: .change-badge should say ${KIND[ch.kind]}`);
            const dels = ch.segments.filter((s) => s.op === 'delete').length;
            const inss = ch.segments.filter((s) => s.op === 'insert').length;
            assert.equal(got.del, dels, `${what}: p.diff should have ${dels} <del>`);
            assert.equal(got.ins, inss, `${what}: p.diff should have ${inss} <ins>`);
            if (ch.draft_article) assert.ok(got.head.includes(`草案${articleLabel(ch.draft_article)}`), `${what}: the head should name 草案${articleLabel(ch.draft_article)}: ${got.head}`);
            if (ch.final_article) assert.ok(got.head.includes(`正式文本${articleLabel(ch.final_article)}`), `${what}: the head should name 正式文本${articleLabel(ch.final_article)}: ${got.head}`);
            for (const s of ch.segments) assert.ok(got.text.includes(squash(s.text)), `${what}: the diff should show "${s.text.slice(0, 20)}…"`);
            const ads = ch.draft_article ? c.adoption.filter((a) => a.article === ch.draft_article) : [];
            assert.equal(got.adoptions.length, ads.length, `${what}: ${ads.length} .adoption block(s) expected, ${got.adoptions.length} shown`);
            ads.forEach((a, k) => {
              assert.equal(got.adoptions[k].badge, RESULT[a.result], `${what}: .adoption-badge should say ${RESULT[a.result]}`);
              assert.ok(got.adoptions[k].text.includes(squash(a.reason)), `${what}: the adoption should give the reason "${a.reason.slice(0, 20)}…"`);
            });
          });
        };

        // Only changed (default).
        checkList(await shown(), changed, `${label}, only changed`);
        const kinds = new Set((await shown()).map((x) => x.badge));
        for (const k of ['有修改', '新增条文', '删除条文']) assert.ok(kinds.has(k), `${label}: a .change-badge ${k} should be shown`);
        const totals = await page.locator('section.result').evaluate((el) => ({ del: el.querySelectorAll('p.diff del').length, ins: el.querySelectorAll('p.diff ins').length }));
        assert.ok(totals.del > 0 && totals.ins > 0, `${label}: the diffs should contain <del> and <ins>: ${JSON.stringify(totals)}`);
        // The comments on the whole draft.
        const general = c.adoption.filter((a) => a.article === 0);
        const gen = page.locator('section.result .change.general .adoption');
        assert.equal(await gen.count(), general.length, `${label}: ${general.length} adoption(s) on the whole draft`);
        for (const [k, a] of general.entries()) {
          assert.equal((await gen.nth(k).locator('.adoption-badge').innerText()).trim(), RESULT[a.result]);
          assert.ok(squash(await gen.nth(k).innerText()).includes(squash(a.reason)), `${label}: the general adoption should give its reason`);
        }
        const visibleBadges = await page.locator('section.result .adoption-badge').allInnerTexts();
        await look(page, 'result', width, `${label} (only changed)`);

        // All articles: unchanged ones too, with the 未采纳 reasons.
        await toggle.uncheck();
        await eventually(async () => (await page.locator('section.result li.change').count()) === c.changes.length, { timeout: 3_000, interval: 100 });
        checkList(await shown(), c.changes, `${label}, all articles`);
        const notAdopted = c.adoption.filter((a) => a.result === 'not_adopted');
        const naShown = page.locator('section.result .adoption', { has: page.locator('.adoption-badge', { hasText: /^未采纳$/ }) });
        assert.equal(await naShown.count(), notAdopted.length, `${label}: with all articles shown, ${notAdopted.length} 未采纳 adoption(s) should be visible`);
        for (const a of notAdopted) {
          const li = page.locator('section.result li.change', { hasText: `草案${articleLabel(a.article)}` }).first();
          assert.ok(squash(await li.innerText()).includes(squash(a.reason)), `${label}: 草案${articleLabel(a.article)} should show the 未采纳 reason "${a.reason.slice(0, 20)}…"`);
          assert.ok(await li.locator('.adoption-badge', { hasText: /^未采纳$/ }).isVisible(), `${label}: 草案${articleLabel(a.article)} should show a 未采纳 badge`);
        }
        await look(page, 'result-all', width, `${label} (all articles)`);

        await toggle.check();
        await eventually(async () => (await page.locator('section.result li.change').count()) === changed.length, { timeout: 3_000, interval: 100 });
        assert.equal(await page.locator('section.result li.change').count(), changed.length, `${label}: checking #only-changed again should show ${changed.length} changes`);
        const unchangedAnswered = changed.filter((x) => x.kind === 'unchanged').length;
        assert.equal(await page.locator('section.result li.change.change-unchanged').count(), unchangedAnswered, `${label}: only the unchanged articles whose comments were answered when only changed are shown`);

        // Informational: which adoption results are visible with the default view.
        if (!visibleBadges.includes('未采纳')) {
          console.log(`note: ${label}: with 只看有修改的条文 (default) no 未采纳 adoption is visible (they are on unchanged articles ${notAdopted.map((a) => a.article).join(', ')}); visible: ${visibleBadges.join(' ')}`);
        }

        // Closed: the form is refused; published comments per article.
        await expectRefused(page, c.closes, label);
        const withComments = [...new Set(c.comments.filter((x) => x.article > 0).map((x) => x.article))];
        for (const n of withComments.slice(0, 3)) {
          const k = c.comments.filter((x) => x.article === n).length;
          const sec = page.locator(`section#a${n}.article-item`);
          assert.match(await sec.locator('.count-badge').innerText(), new RegExp(`${k}\\s*条公开意见`), `${label}: section#a${n} should count ${k} published comment(s)`);
          assert.equal(await sec.locator('details.article-comments li').count(), k, `${label}: section#a${n} details.article-comments should hold ${k}`);
        }
        expectNoConsoleErrors(page, label);
      });
    });

    test(`4. /consult filters by status and year in the URL, kept across a reload; the summarizing one (${width}px)`, async () => {
      const index = readData('consultations/index.json').consultations;
      const byId = Object.fromEntries(index.map((x) => [x.id, x]));
      const label = `/consult at ${width}px`;
      await withPage(app.browser, { width }, async (page) => {
        await gotoApp(page, app.server.url + 'consult');
        await waitCards(page, index.map((x) => x.id), label);
        assert.equal((await page.locator('main#main h1').innerText()).trim(), '征求意见');
        const list = await cards(page);
        assert.equal(list[0].id, OPEN_ID, `${label}: the open consultation should come first`);
        for (const card of list) {
          const x = byId[card.id];
          assert.equal(card.title, x.title, `${label}: the card title of ${x.id}`);
          assert.ok(card.text.includes(`${x.participants} 人参与`), `${label}: the card of ${x.id} should say ${x.participants} 人参与: ${card.text}`);
          assert.ok(card.text.includes(`${x.comment_count} 条意见`), `${label}: the card of ${x.id} should say ${x.comment_count} 条意见: ${card.text}`);
          if (x.phase === 'open') {
            const n = daysLeft(x.closes);
            assert.equal(card.countdown, `还剩 ${n} 天`, `${label}: the open ${x.id} (closes ${x.closes}) should count down 还剩 ${n} 天 today: ${card.text}`);
          } else {
            assert.equal(card.countdown, null, `${label}: the closed ${x.id} should have no countdown`);
            assert.ok(card.text.includes('已截止'), `${label}: the closed ${x.id} should say 已截止: ${card.text}`);
          }
        }
        const years = await page.locator('#c-year option').evaluateAll((os) => os.map((o) => o.value));
        const wantYears = [...new Set(index.map((x) => x.opens.slice(0, 4)))].sort().reverse();
        assert.deepEqual(years, ['', ...wantYears], `${label}: #c-year should offer every year (newest first)`);
        const statuses = await page.locator('#c-status option').evaluateAll((os) => os.map((o) => o.value));
        assert.deepEqual(statuses, ['', 'open', 'summarizing', 'published'], `${label}: #c-status options`);

        // Status, then year.
        await page.locator('#c-status').selectOption('published');
        await waitQuery(page, { status: 'published', year: null }, label);
        await waitCards(page, index.filter((x) => x.phase === 'published').map((x) => x.id), `${label}, status=published`);
        await page.locator('#c-year').selectOption('2024');
        await waitQuery(page, { status: 'published', year: '2024' }, label);
        await waitCards(page, index.filter((x) => x.phase === 'published' && x.opens.startsWith('2024')).map((x) => x.id), `${label}, status=published&year=2024`);
        await look(page, 'list-published-2024', width, `${label}?status=published&year=2024`);

        // Reload keeps both.
        await reloadApp(page);
        await waitCards(page, [PUBLISHED_ID], `${label}?status=published&year=2024 after reload`);
        assert.equal(await page.locator('#c-status').inputValue(), 'published', `${label}: after a reload #c-status should still be published`);
        assert.equal(await page.locator('#c-year').inputValue(), '2024', `${label}: after a reload #c-year should still be 2024`);

        // Back to any status: only the year is left in the URL.
        await page.locator('#c-status').selectOption('');
        await waitQuery(page, { status: null, year: '2024' }, label);
        await waitCards(page, index.filter((x) => x.opens.startsWith('2024')).map((x) => x.id), `${label}, year=2024`);

        // Year 2026 by URL: the open one.
        await gotoApp(page, app.server.url + 'consult?year=2026');
        await waitCards(page, index.filter((x) => x.opens.startsWith('2026')).map((x) => x.id), `${label}?year=2026`);
        assert.equal(await page.locator('#c-year').inputValue(), '2026');
        assert.equal(await page.locator('#c-status').inputValue(), '');

        // Nothing matches: the empty message.
        await gotoApp(page, app.server.url + 'consult?status=open&year=2024');
        await page.locator('p.empty').waitFor({ state: 'visible' });
        assert.equal(await page.locator('li.consult-card').count(), 0, `${label}?status=open&year=2024 should list no cards`);
        assert.match(await page.locator('p.empty').innerText(), /没有符合条件的征求意见/);
        assert.equal(await page.locator('#c-status').inputValue(), 'open');
        assert.equal(await page.locator('#c-year').inputValue(), '2024');
        await look(page, 'list-empty', width, `${label}?status=open&year=2024`);

        // Summarizing: one card; its page has the note and refuses comments.
        await gotoApp(page, app.server.url + 'consult?status=summarizing');
        await waitCards(page, [SUMMARIZING_ID], `${label}?status=summarizing`);
        assert.equal(await page.locator('#c-status').inputValue(), 'summarizing');
        assert.equal((await cards(page))[0].badge, '意见汇总中', `${label}: the summarizing card's .phase-badge`);
        await look(page, 'list-summarizing', width, `${label}?status=summarizing`);
        await page.locator('a.consult-title').first().click();
        await page.waitForURL((u) => u.pathname === `/consult/${SUMMARIZING_ID}`);
        const c = readData(`consultations/${SUMMARIZING_ID}.json`);
        const sl = `/consult/${SUMMARIZING_ID} at ${width}px`;
        await waitDetail(page, c, sl);
        assert.match(await page.locator('.phase-badge').first().innerText(), /意见汇总中/, `${sl}: the phase badge should say 意见汇总中`);
        const note = page.locator('main#main .notice:not(.refused)');
        assert.ok(await note.first().isVisible(), `${sl}: a .notice should say the comments are being summarised`);
        assert.match(await note.first().innerText(), /汇总/, `${sl}: the .notice should speak of 汇总`);
        assert.equal(await page.locator('section.result').count(), 0, `${sl}: no section.result before the result is published`);
        await expectRefused(page, c.closes, sl);
        await look(page, 'summarizing', width, sl);
        expectNoConsoleErrors(page, label);
      });
    });
  });
}

// 建议提交, end to end, at 375 px and 1280 px:
//   1. a deputy writes a suggestion step by step: each 下一步 stops at the missing part (题目, 类别,
//      领衔代表, 情况, 分析, 具体意见) with its message and focus on the field; the draft survives a
//      reload; two co-signers are picked by name search; one opens the invitation link on another
//      device, confirms (a Cosign submission in that device's outbox) and reads the code, which
//      the lead types in (a wrong code is refused); submitting stops at the unconfirmed
//      exclusions checklist; the preview shows the official layout; print media hides the shell
//      and the form (screenshot); submit gives a receipt code and a Suggestion in the outbox;
//   2. a citizen filters the published list to 办理中 in 农林牧渔水利 (URL, kept across reload),
//      sees exactly the matching suggestions of the data, and opens one whose deadline clock is
//      overdue (clock fixed at 2026-11-28 in Shanghai): the days overdue match the data's due date;
//   3. the dairy suggestion shows its reply (B类), the 满意 rating, and the letter it came from,
//      whose Q&A entry links back; 转为建议 on a public letter opens a prefilled draft; several
//      drafts are kept (newest first) and one can be deleted;
//   4. the yearly summaries: five SVG charts with role="img" and a table each, figures as the data.
// Every page visited gets a screenshot (proposals-*-{width}.png) and an axe-core check.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  MOBILE,
  DESKTOP,
  useAppServer,
  readData,
  withPage,
  gotoApp,
  reloadApp,
  expectNoConsoleErrors,
  settle,
  shot,
  axeCheck,
  groupedReceiptCode,
  eventually,
  storageText,
} from './lib.mjs';

const app = useAppServer({ reset: true });
const TODAY = '2026-11-28T10:00:00+08:00';
const DAIRY = '2025-0007';

async function look(page, name, width, label) {
  await shot(page, `proposals-${name}-${width}`);
  await axeCheck(page, label || `${name} at ${width}px`);
}

/** Wait until the element shows the text. */
async function shows(page, selector, text, label) {
  const ok = await eventually(async () => {
    const el = page.locator(selector).first();
    return (await el.count()) && (await el.innerText()).includes(text);
  });
  const now = (await page.locator(selector).count()) ? await page.locator(selector).first().innerText() : '(missing)';
  assert.ok(ok, `${label}: ${selector} should show “${text}”; it shows “${now}”`);
}

async function focusedId(page) {
  return page.evaluate(() => document.activeElement?.id || '');
}

/** Press 下一步 and expect to be stopped with `message` under `field`, focus on the field. */
async function stoppedAt(page, field, message, label) {
  await page.locator('#next-step').click();
  await shows(page, `#${field}-error`, message, label);
  const focusTarget = field === 's-lead' ? 's-lead-q' : field;
  assert.ok(await eventually(async () => (await focusedId(page)) === focusTarget), `${label}: focus should move to #${focusTarget} (is #${await focusedId(page)})`);
}

async function stepIs(page, n, label) {
  await shows(page, '#step-heading', `第 ${n} 步`, label);
}

async function pickDeputy(page, prefix, name, label) {
  await page.locator(`#${prefix}-q`).fill(name);
  await page.locator(`#${prefix}-q`).press('Enter');
  const button = page.locator('.picker-results button', { hasText: name }).first();
  await button.waitFor({ timeout: 10_000 }).catch(() => assert.fail(`${label}: searching “${name}” should offer a button to choose them`));
  await button.click();
}

for (const width of [MOBILE, DESKTOP]) {
  describe(`建议提交 at ${width}px`, () => {
    test('a deputy writes, gets a co-signer confirmed, previews, prints and submits', async () => {
      const cityDeputies = readData('levels/city/page-1.json').items;
      const other = cityDeputies.find((d) => d.name !== '边俊峰' && d.name !== '王义');
      await withPage(app.browser, { width }, async (page) => {
        await gotoApp(page, app.server.url + 'proposals');
        await page.locator('main a', { hasText: '撰写代表建议' }).click();
        await page.locator('#new-draft').click();
        await page.waitForURL(/draft=/);
        await stepIs(page, 1, 'new draft');
        const training = await page.locator('.training-link a').getAttribute('href');
        assert.equal(training, '/training/lesson/write-suggestion');

        // Step 1: title, category, lead — each stops the deputy in turn.
        await stoppedAt(page, 's-title', '请填写建议题目', 'empty step 1');
        await look(page, 'write-errors', width, `step 1 with errors at ${width}px`);
        const title = `关于完善乡村客运班线的建议${width}`;
        await page.locator('#s-title').fill(title);
        await stoppedAt(page, 's-category', '请选择建议类别', 'no category');
        await page.locator('#s-category').selectOption('工业交通');
        await stoppedAt(page, 's-lead', '请查找并选择领衔代表', 'no lead');
        await pickDeputy(page, 's-lead', '边俊峰', 'lead');
        await shows(page, '.chosen-lead', '边俊峰', 'lead chosen');
        await page.locator('#s-unit').fill('市交通运输局');
        await page.locator('#next-step').click();

        // Step 2: 情况 and 分析.
        await stepIs(page, 2, 'step 2');
        await stoppedAt(page, 's-facts', '请填写“情况”部分', 'no facts');
        await page.locator('#s-facts').fill('部分嘎查村没有通客运班线，群众出行要步行数公里。');
        await stoppedAt(page, 's-analysis', '请填写“分析”部分', 'no analysis');
        await page.locator('#s-analysis').fill('客流少、运营亏损，企业不愿开线。');
        await page.locator('#next-step').click();

        // Step 3: the numbered proposals.
        await stepIs(page, 3, 'step 3');
        await stoppedAt(page, 's-proposals', '请至少写一条具体意见', 'no proposals');
        await page.locator('#s-proposals').fill('1. 对亏损班线给予运营补贴\n2. 推行预约响应式公交');
        assert.equal(await page.locator('.numbered-preview li').count(), 2, 'two numbered proposals');

        // The draft is on the device: a reload keeps it.
        await reloadApp(page);
        assert.equal(await page.locator('#s-title').inputValue(), title, 'title kept across reload');
        for (const n of [2, 3, 4]) {
          await page.locator('#next-step').click();
          await stepIs(page, n, `forward to step ${n} after reload`);
        }

        // Step 4: two co-signers.
        await pickDeputy(page, 's-cosign', '王义', 'first co-signer');
        await pickDeputy(page, 's-cosign', other.name, 'second co-signer');
        assert.equal(await page.locator('.cosigner').count(), 2, 'two co-signers');
        await look(page, 'write-cosigners', width);
        const link = await page.locator('#cosign-link-0').inputValue();
        assert.match(link, /\/proposals\/cosign\?d=d\d+&c=[^&]+&t=/, `invitation link ${link}`);

        // The co-signer opens the link on their own device and confirms.
        let code;
        await withPage(app.browser, { width }, async (other) => {
          await gotoApp(other, link);
          await shows(other, 'main', '边俊峰 代表邀请您联名', 'cosign page');
          await shows(other, 'main', title, 'cosign page title');
          await other.locator('button', { hasText: '我同意联名' }).click();
          code = (await other.locator('.cosign-code').innerText()).trim();
          assert.match(code, /^\d{6}$/);
          await groupedReceiptCode(other.locator('main'), 'cosign receipt');
          const stored = await storageText(other);
          assert.ok(stored.includes('"kind":"cosign"'), 'the confirmation is in the co-signer’s outbox');
          await look(other, 'cosign', width);
          expectNoConsoleErrors(other, 'cosign');
        });
        await page.locator('#cosign-code-0').fill(code === '000000' ? '111111' : '000000');
        await page.locator('.cosigner').first().locator('button', { hasText: '确认' }).last().click();
        await shows(page, '#cosign-code-0-error', '确认码不正确', 'wrong code');
        await page.locator('#cosign-code-0').fill(code);
        await page.locator('.cosigner').first().locator('button', { hasText: '确认' }).last().click();
        await shows(page, '.cosigner >> nth=0', '已确认', 'first co-signer confirmed');
        await shows(page, '.cosigner >> nth=1', '待确认', 'second still unconfirmed');
        await page.locator('#next-step').click();

        // Step 5: the exclusions must be confirmed.
        await stepIs(page, 5, 'step 5');
        await page.locator('#submit-suggestion').click();
        await shows(page, '#s-exclusions-error', '请逐项确认', 'exclusions');
        assert.ok(await eventually(async () => (await focusedId(page)) === 's-exclusion-0'), 'focus on the first exclusion');
        for (let i = 0; i < 4; i++) await page.locator(`#s-exclusion-${i}`).check();

        // Preview in the official layout.
        const doc = page.locator('.proposal-doc');
        await shows(page, '.proposal-doc', title, 'preview title');
        await shows(page, '.proposal-doc', '王义（已确认）', 'preview co-signer confirmed');
        await shows(page, '.proposal-doc', `${other.name}（待确认）`, 'preview co-signer pending');
        assert.equal(await doc.locator('.doc-proposals li').count(), 2);
        await look(page, 'write-preview', width);

        // Print: the shell and the form are hidden, the document stays.
        await page.emulateMedia({ media: 'print' });
        await shot(page, `proposals-print-${width}`);
        assert.equal(await page.locator('header').first().isVisible(), false, 'print hides the header');
        assert.equal(await page.locator('#submit-suggestion').isVisible(), false, 'print hides the buttons');
        assert.equal(await page.locator('.steps').isVisible(), false, 'print hides the steps');
        assert.ok(await doc.isVisible(), 'print shows the suggestion');
        await page.emulateMedia({ media: 'screen' });

        await page.locator('#submit-suggestion').click();
        const receipt = await groupedReceiptCode(page.locator('#submit-done'), 'suggestion receipt');
        const stored = await storageText(page);
        assert.ok(stored.includes('"kind":"suggestion"') && stored.includes(title), 'the suggestion is in the outbox');
        assert.ok(stored.includes(receipt), 'the draft remembers its receipt code');
        await look(page, 'write-done', width);
        expectNoConsoleErrors(page, 'write');
      });
    });

    test('a citizen filters to 办理中 in 农林牧渔水利 and opens an overdue one', async () => {
      const year = readData('suggestions/index.json').years[0];
      const all = readData(`suggestions/year/${year}.json`).suggestions;
      const expected = all.filter((s) => s.status === 'in_progress' && s.category === '农林牧渔水利');
      const overdue = expected.find((s) => s.due && s.due < '2026-11-28');
      assert.ok(overdue, 'the data has an overdue 办理中 agricultural suggestion');
      await withPage(app.browser, { width }, async (page) => {
        await page.clock.setFixedTime(new Date(TODAY));
        await gotoApp(page, app.server.url + 'proposals/list');
        await page.locator('#f-status').selectOption('in_progress');
        await page.locator('#f-category').selectOption('农林牧渔水利');
        await page.waitForURL(/status=in_progress/);
        await settle(page);
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('category'), '农林牧渔水利');
        const ids = async () =>
          page.locator('a.proposal-title').evaluateAll((els) => els.map((a) => a.getAttribute('href').split('/').pop()));
        assert.ok(await eventually(async () => (await ids()).length === expected.length));
        assert.deepEqual(await ids(), expected.map((s) => s.id));
        await shows(page, '.result-count', `共 ${expected.length} 件`, 'count');
        await reloadApp(page);
        assert.deepEqual(await ids(), expected.map((s) => s.id), 'filters kept across reload');
        await look(page, 'list-filtered', width);

        const days = Math.round((new Date('2026-11-28T00:00:00Z') - new Date(`${overdue.due}T00:00:00Z`)) / 86_400_000);
        const card = page.locator('li.proposal-card', { has: page.locator(`a[href$="/proposals/${overdue.id}"]`) });
        await shows(page, `li.proposal-card:has(a[href$="/proposals/${overdue.id}"]) .deadline`, `已超过答复期限 ${days} 天`, 'card clock');
        await card.locator('a.proposal-title').click();
        await page.waitForURL(new RegExp(`/proposals/${overdue.id}$`));
        await shows(page, '.deadline-box.overdue', `已超过答复期限 ${days} 天`, 'detail clock');
        await shows(page, '.deadline-box', `应于 ${overdue.due} 前答复`, 'due date');
        await shows(page, '.proposal-timeline', '交办', 'timeline');
        await look(page, 'detail-overdue', width);
        expectNoConsoleErrors(page, 'list');
      });
    });

    test('a long year is shown 20 at a time; the page is in the URL and a filter starts again at page 1', async () => {
      const year = readData('suggestions/index.json').years[0];
      const all = readData(`suggestions/year/${year}.json`).suggestions;
      const pages = Math.ceil(all.length / 20);
      assert.ok(pages >= 3, `the newest year has ${all.length} suggestions: enough for paging`);
      await withPage(app.browser, { width }, async (page) => {
        await gotoApp(page, app.server.url + 'proposals/list');
        const ids = async () =>
          page.locator('a.proposal-title').evaluateAll((els) => els.map((a) => a.getAttribute('href').split('/').pop()));
        assert.ok(await eventually(async () => (await ids()).length === 20), 'first page: 20 cards');
        assert.deepEqual(await ids(), all.slice(0, 20).map((s) => s.id));
        await shows(page, '.result-count', `共 ${all.length} 件`, 'count is of all pages');
        await shows(page, 'nav.pager .pager-status', `第 1 页 / 共 ${pages} 页`, 'pager');
        await page.getByRole('link', { name: '下一页', exact: true }).click();
        await page.waitForURL(/page=2/);
        assert.ok(await eventually(async () => (await ids())[0] === all[20].id), 'second page starts at the 21st');
        await reloadApp(page);
        assert.deepEqual(await ids(), all.slice(20, 40).map((s) => s.id), 'page kept across reload');
        await look(page, 'list-page-2', width);
        // The last page holds the rest, and has 上一页 but no 下一页.
        await gotoApp(page, app.server.url + `proposals/list?page=${pages}`);
        assert.ok(await eventually(async () => (await ids()).length === all.length - (pages - 1) * 20));
        assert.equal(await page.getByRole('link', { name: '下一页', exact: true }).count(), 0);
        assert.equal(await page.getByRole('link', { name: '上一页', exact: true }).count(), 1);
        await page.locator('#f-status').selectOption('closed');
        await page.waitForURL((u) => u.searchParams.get('status') === 'closed' && !u.searchParams.has('page'));
        const closed = all.filter((s) => s.status === 'closed');
        assert.ok(await eventually(async () => (await ids())[0] === closed[0].id), 'a filter starts at page 1');
        await axeCheck(page, `proposals list paged ${width}`);
        expectNoConsoleErrors(page, 'paged list');
      });
    });

    test('the dairy suggestion: reply, rating, and the letter both ways', async () => {
      await withPage(app.browser, { width }, async (page) => {
        await gotoApp(page, app.server.url + `proposals/${DAIRY}`);
        await shows(page, 'main h1', '奶业振兴产业园', 'dairy title');
        await shows(page, '.proposal-timeline', '部分项目补贴款已经到位', 'reply text');
        await shows(page, '.proposal-timeline', 'B类：正在解决或列入计划', 'result class');
        await shows(page, '.proposal-timeline', '评价：满意', 'rating');
        await shows(page, '.signers', '王义', 'co-signer');
        await shows(page, '.proposal-doc', '协调市财政担保公司', 'proposals');
        assert.equal(await page.locator('.deadline-box').count(), 0, 'a closed suggestion has no clock');
        await look(page, 'dairy', width);
        // To the letter on 边俊峰's page, and back.
        await page.locator('.from-message a').click();
        await page.waitForURL(/\/direct\/deputy\/.+#m-/);
        const back = page.locator(`.qa-suggestion a[href$="/proposals/${DAIRY}"]`);
        await back.waitFor({ timeout: 10_000 });
        await back.click();
        await page.waitForURL(new RegExp(`/proposals/${DAIRY}$`));
        await shows(page, 'main h1', '奶业振兴产业园', 'back on the suggestion');

        // 转为建议 from the public Q&A.
        await gotoApp(page, app.server.url + 'direct/qa');
        const to = page.locator('.qa-to-suggestion a').first();
        const subject = await page.locator('.qa-item:has(.qa-to-suggestion) .qa-subject').first().innerText();
        await to.click();
        await page.waitForURL(/\/proposals\/write\?draft=/);
        await shows(page, '.from-message', subject, 'letter reference');
        assert.equal(await page.locator('#s-title').inputValue(), `关于${subject}的建议`);

        // Several drafts are kept: the letter's, and a new one.
        await page.locator('main a', { hasText: '返回我的草稿' }).click();
        await page.waitForURL(/\/proposals\/write$/);
        const rows = page.locator('li.draft-row');
        assert.equal(await rows.count(), 1);
        await shows(page, 'li.draft-row', `关于${subject}的建议`, 'the letter’s draft is listed');
        await page.locator('#new-draft').click();
        await page.waitForURL(/draft=/);
        await page.locator('#s-title').fill('第二份草稿');
        await page.locator('main a', { hasText: '返回我的草稿' }).click();
        await page.waitForURL(/\/proposals\/write$/);
        assert.ok(await eventually(async () => (await rows.count()) === 2), 'two drafts listed');
        await shows(page, 'li.draft-row >> nth=0', '第二份草稿', 'newest first');
        await look(page, 'drafts', width);
        await rows.nth(0).locator('button', { hasText: '删除' }).click();
        assert.ok(await eventually(async () => (await rows.count()) === 1), 'a draft can be deleted');
        expectNoConsoleErrors(page, 'dairy');
      });
    });

    test('yearly summaries as charts with tables', async () => {
      const year = readData('suggestions/index.json').years[0];
      const stats = readData(`suggestions/stats/${year}.json`);
      await withPage(app.browser, { width }, async (page) => {
        await gotoApp(page, app.server.url + 'proposals/stats');
        await shows(page, '.stats-total', `共提出建议 ${stats.total} 件`, 'total');
        assert.equal(await page.locator('figure.chart svg[role="img"]').count(), 5);
        assert.equal(await page.locator('figure.chart table').count(), 5);
        // Satisfaction per unit, as the model computes it: 满意 + 基本满意 over all ratings.
        const top = stats.by_unit.find((u) => u.satisfied + u.basically + u.unsatisfied > 0);
        const pct = Math.round(((top.satisfied + top.basically) * 100) / (top.satisfied + top.basically + top.unsatisfied));
        const satRow = page.locator('#chart-satisfaction-title').locator('xpath=..').locator('tr').filter({ has: page.locator('th', { hasText: new RegExp(`^${top.unit}$`) }) });
        assert.equal((await satRow.locator('td').innerText()).trim(), `${pct}%`);
        assert.equal(await page.locator('.unit-table tbody tr').count(), stats.by_unit.length);
        const inProgress = stats.by_status.find((c) => c.key === 'in_progress').count;
        await shows(page, '#chart-status-title', '按办理状态', 'status chart');
        const row = page.locator('figure.chart').first().locator('tr').filter({ has: page.locator('th', { hasText: /^办理中$/ }) });
        assert.equal((await row.locator('td').innerText()).trim(), String(inProgress));
        await look(page, 'stats', width);
        expectNoConsoleErrors(page, 'stats');
      });
    });
  });
}

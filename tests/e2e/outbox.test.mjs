// The outbox, through the 意见反馈 form: drafts survive a reload, a submission gets a receipt
// code and is listed on 我的提交, sending waits for the network, a failing endpoint loses nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MOBILE,
  useAppServer,
  withEndpoint,
  withoutEndpoint,
  newPage,
  closePage,
  withPage,
  gotoApp,
  reloadApp,
  expectNoConsoleErrors,
  digitsOf,
  isValidReceiptCode,
  eventually,
  eventuallyShows,
  textOr,
  navigateInApp,
  storageText,
  postJson,
  wasmRequests,
} from './lib.mjs';

const app = useAppServer({ reset: true });

const STATE_WORDS = /待发送|已发送|发送失败|发送中|正在发送|已导出|已下载|已保存|保存在本机|存在本机|未发送/;

function unique(label) {
  return `${label}：小区路灯不亮，晚上出行不方便，请帮忙反映。编号${Date.now() % 100000}`;
}

async function fillFeedback(page, text, contact) {
  const content = page.locator('#feedback-content');
  await content.waitFor({ state: 'visible' });
  assert.equal(await content.evaluate((el) => el.tagName), 'TEXTAREA', '#feedback-content should be a <textarea>');
  await content.fill(text);
  if (contact !== undefined) await page.locator('#feedback-contact').fill(contact);
  await content.blur();
}

async function consentAndSubmit(page) {
  const consent = page.locator('#feedback-consent');
  assert.equal(await consent.getAttribute('type'), 'checkbox', '#feedback-consent should be a checkbox');
  await consent.check();
  await submitButton(page).click();
}

function submitButton(page) {
  return page.locator('form:has(#feedback-content) button[type="submit"]').first();
}

/** The receipt code shown after sending: twelve digits with a valid check digit. */
async function receiptCode(page) {
  const el = page.locator('.receipt-code').first();
  await el.waitFor({ state: 'visible', timeout: 15_000 });
  const code = digitsOf(await el.innerText());
  assert.equal(code.length, 12, `.receipt-code should show twelve digits (shows "${await el.innerText()}")`);
  assert.ok(isValidReceiptCode(code), `receipt code ${code} fails its Damm check digit`);
  return code;
}

/** The .outbox-item on 我的提交 that shows this code (digits may be grouped with spaces). */
function itemFor(page, code) {
  return page.locator('.outbox-item').filter({ hasText: new RegExp(code.split('').join('\\s*')) }).first();
}

async function itemText(page, code) {
  const item = itemFor(page, code);
  await item.waitFor({ state: 'visible', timeout: 15_000 });
  return (await item.innerText()).trim();
}

async function waitForItemState(page, code, word, timeout = 10_000) {
  const text = await eventuallyShows(itemFor(page, code), word, { timeout });
  const now = await textOr(itemFor(page, code), '(no item)');
  assert.ok(text, `the outbox item ${code} should show "${word}" within ${timeout / 1000} s; it shows: ${now}`);
}

function receivedWith(code) {
  return app.server.state.received.find((x) => JSON.stringify(x).includes(code));
}

test('feedback: the draft survives a reload; sending gives a receipt code listed on 我的提交', async () => {
  await withPage(app.browser, { width: MOBILE }, async (page) => {
    await withoutEndpoint(page);
    await gotoApp(page, app.server.url + 'feedback');
    const text = unique('草稿');
    await fillFeedback(page, text, '13800000000');
    // Autosave may be debounced: give it a moment to land in storage.
    await eventually(async () => (await storageText(page)).includes(text), { timeout: 5_000 });
    await reloadApp(page);
    await page.locator('#feedback-content').waitFor();
    assert.equal(await page.locator('#feedback-content').inputValue(), text, 'the draft should still be there after a reload');

    await consentAndSubmit(page);
    const code = await receiptCode(page);

    await gotoApp(page, app.server.url + 'mine');
    const listed = await itemText(page, code);
    assert.match(listed, STATE_WORDS, `the outbox item should show its state: "${listed}"`);

    await reloadApp(page);
    const again = await itemText(page, code);
    assert.match(again, STATE_WORDS);

    // The draft is gone once sent.
    await gotoApp(page, app.server.url + 'feedback');
    assert.equal(await page.locator('#feedback-content').inputValue(), '', 'the form should be empty after the draft was submitted');
    expectNoConsoleErrors(page);
  });
});

test('feedback: nothing is submitted without content or without consent', async () => {
  await withPage(app.browser, { width: MOBILE }, async (page) => {
    await withoutEndpoint(page);
    await gotoApp(page, app.server.url + 'feedback');
    await page.locator('#feedback-consent').check();
    await submitButton(page).click();
    // The form answers with the reason (the app's answer, not a timer, says it has decided).
    await page.locator('p.error', { hasText: '请填写反馈内容' }).waitFor({ state: 'visible' });
    assert.equal(await page.locator('.receipt-code').count(), 0, 'empty content should not be submitted');

    const text = unique('未同意');
    await page.locator('#feedback-consent').uncheck();
    await fillFeedback(page, text);
    await submitButton(page).click();
    await page.locator('p.error', { hasText: '请阅读并勾选同意' }).waitFor({ state: 'visible' });
    assert.equal(await page.locator('.receipt-code').count(), 0, 'without consent nothing should be submitted');
    assert.equal(await page.locator('#feedback-content').inputValue(), text, 'what was typed should stay in the form');
    expectNoConsoleErrors(page);
  });
});

test('feedback with an endpoint: offline it waits (待发送), back online it is sent (已发送)', async () => {
  const page = await newPage(app.browser, { width: MOBILE });
  try {
    await withEndpoint(page, app.server);
    const wasm = wasmRequests(page);
    await gotoApp(page, app.server.url + 'feedback');
    await page.context().setOffline(true);
    const fetched = wasm.length;
    const text = unique('离线');
    await fillFeedback(page, text);
    await consentAndSubmit(page);
    const code = await receiptCode(page);

    // 我的提交's code came while the form was open (online): offline it opens from memory,
    // asking for no file, whichever packs also hold its modules (scripts/pack-chunks.mjs).
    await navigateInApp(page, app.server.url, 'mine');
    await page.locator('main#main h1', { hasText: '我的提交' }).waitFor();
    assert.deepEqual(wasm.slice(fetched), [], 'no code file is asked for offline');
    await waitForItemState(page, code, '待发送', 5_000);
    assert.equal(receivedWith(code), undefined, 'nothing can arrive while offline');

    await page.context().setOffline(false);
    const got = await eventually(() => receivedWith(code), { timeout: 10_000 });
    assert.ok(got, `the server should receive ${code} within 10 s of going online; received: ${JSON.stringify(app.server.state.received).slice(0, 500)}`);
    assert.ok(JSON.stringify(got).includes(text), 'the server should get what was typed');
    await waitForItemState(page, code, '已发送');
    assert.equal(app.server.state.received.filter((x) => JSON.stringify(x).includes(code)).length, 1, 'it should be sent exactly once');
    // Offline fetches may have logged errors; the point here is the outcome.
  } finally {
    await page.context().setOffline(false).catch(() => {});
    await closePage(page);
  }
});

test('feedback with a failing endpoint: 发送失败 with a retry, nothing typed is lost', async () => {
  const page = await newPage(app.browser, { width: MOBILE });
  try {
    await postJson(app.server.url + '__test/fail?on=1');
    await withEndpoint(page, app.server);
    await gotoApp(page, app.server.url + 'feedback');
    const text = unique('失败');
    const contact = '13900000000';
    await fillFeedback(page, text, contact);
    await consentAndSubmit(page);
    const code = await receiptCode(page);

    await gotoApp(page, app.server.url + 'mine');
    await waitForItemState(page, code, '发送失败');
    assert.equal(receivedWith(code), undefined);

    // Still there after a reload, with what was typed.
    await reloadApp(page);
    await itemText(page, code);
    await waitForItemState(page, code, '发送失败');
    const kept = (await storageText(page)) + (await page.locator('main#main').innerText());
    assert.ok(kept.includes(text), 'the text typed should be kept on the device after a failed send');
    assert.ok(kept.includes(contact), 'the contact typed should be kept on the device after a failed send');

    const retry = itemFor(page, code).locator('button, a', { hasText: /重试|重新发送|再发送|再试|立即发送/ }).first();
    assert.ok(await retry.isVisible(), 'a failed item should offer a retry (重试 / 立即发送)');

    await postJson(app.server.url + '__test/fail?on=0');
    await retry.click();
    const got = await eventually(() => receivedWith(code), { timeout: 10_000 });
    assert.ok(got, 'after 重试 the server should receive it');
    assert.ok(JSON.stringify(got).includes(text));
    await waitForItemState(page, code, '已发送');
  } finally {
    await postJson(app.server.url + '__test/fail?on=0');
    await closePage(page);
  }
});

// The outbox's code is not part of the home page's download (src/outbox/slot.rs): the home page
// fetches no module code of its own accord, but when an item waits on the device, starting the
// app anywhere (here the home page) loads the outbox and sends it.
test('the home page loads no module code, yet a waiting item is sent at start-up', async () => {
  const page = await newPage(app.browser, { width: MOBILE });
  const wasm = wasmRequests(page);
  try {
    await withEndpoint(page, app.server);
    await gotoApp(page, app.server.url);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(wasm.filter((f) => f !== 'deputy-home_bg.wasm'), [], `the home page should fetch only the main module; it fetched ${wasm.join(', ')}`);

    // Written offline on 意见反馈: it waits on the device.
    await gotoApp(page, app.server.url + 'feedback');
    await page.context().setOffline(true);
    const text = unique('启动时发送');
    await fillFeedback(page, text);
    await consentAndSubmit(page);
    const code = await receiptCode(page);
    assert.equal(receivedWith(code), undefined, 'nothing can arrive while offline');

    // The page is left while still offline (so that it cannot send the item itself); back
    // online, a new start on the home page sends it without any page asking for the outbox.
    await page.goto('about:blank');
    await page.context().setOffline(false);
    wasm.length = 0;
    await page.goto(app.server.url, { waitUntil: 'load' });
    const got = await eventually(() => receivedWith(code), { timeout: 10_000 });
    assert.ok(got, `starting on the home page should send the waiting item ${code}`);
    assert.ok(JSON.stringify(got).includes(text), 'the server should get what was typed');
    assert.equal(app.server.state.received.filter((x) => JSON.stringify(x).includes(code)).length, 1, 'it should be sent exactly once');
  } finally {
    await page.context().setOffline(false).catch(() => {});
    await closePage(page);
  }
});

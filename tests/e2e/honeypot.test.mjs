// The forms' hidden field (src/ui/honeypot.rs, issue 14): people never reach it (off screen,
// out of the tab order, hidden from screen readers), so what they send has no `website`; a
// program that fills every field sends it, and the inbox drops that submission
// (`deputy_model::intake::is_honeypot`, tested in crates/inbox). Also: short fields stop at
// their limit (`deputy_model::form_limits`), the same the inbox holds them to.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { MOBILE, useAppServer, withEndpoint, withPage, gotoApp, eventually, expectNoConsoleErrors, readData } from './lib.mjs';

const app = useAppServer({ reset: true });

async function fill(page, text) {
  await page.locator('#feedback-content').fill(text);
  await page.locator('#feedback-contact').fill('13800000000');
  await page.locator('#feedback-consent').check();
}

function received(text) {
  return app.server.state.received.find((x) => JSON.stringify(x).includes(text));
}

test('the hidden field is out of people\'s way; a person\'s feedback has no website, a bot\'s has', async () => {
  await withPage(app.browser, { width: MOBILE }, async (page) => {
    await withEndpoint(page, app.server);
    await gotoApp(page, app.server.url + 'feedback');
    const hp = page.locator('#feedback-website');
    await hp.waitFor({ state: 'attached' });
    assert.equal(await hp.getAttribute('tabindex'), '-1');
    assert.equal(await hp.getAttribute('autocomplete'), 'off');
    assert.equal(await page.locator('.hp:has(#feedback-website)').getAttribute('aria-hidden'), 'true');
    const box = await hp.boundingBox();
    assert.ok(box && box.x + box.width <= 0, `off screen, not display:none: ${JSON.stringify(box)}`);
    // The keyboard goes from the contact field to the consent box, past the hidden one.
    await page.locator('#feedback-contact').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'feedback-consent');
    // A short field stops at its limit (form_limits::CONTACT_MAX).
    assert.equal(await page.locator('#feedback-contact').getAttribute('maxlength'), '60');

    const person = `人工反馈 ${Date.now() % 100000}`;
    await fill(page, person);
    await page.locator('form:has(#feedback-content) button[type="submit"]').click();
    const sent = await eventually(() => received(person), { timeout: 10_000 });
    assert.ok(sent, 'the person\'s feedback is sent');
    assert.equal(sent.payload.website, undefined, 'no hidden field in what a person sends');

    await gotoApp(page, app.server.url + 'feedback');
    const bot = `机器填写 ${Date.now() % 100000}`;
    await fill(page, bot);
    await page.locator('#feedback-website').fill('http://spam.example', { force: true });
    await page.locator('form:has(#feedback-content) button[type="submit"]').click();
    const spam = await eventually(() => received(bot), { timeout: 10_000 });
    assert.ok(spam, 'the bot\'s submission is sent like any other (the inbox drops it)');
    assert.equal(spam.payload.website, 'http://spam.example');
    expectNoConsoleErrors(page);
  });
});

test('the letter and comment forms carry the hidden field and stop short fields at their limits', async () => {
  await withPage(app.browser, { width: MOBILE }, async (page) => {
    const id = readData('deputies/city-0001.json').id;
    await gotoApp(page, app.server.url + `direct/write/${id}`);
    await page.locator('#letter-website').waitFor({ state: 'attached' });
    assert.equal(await page.locator('#letter-name').getAttribute('maxlength'), '30');
    assert.equal(await page.locator('#letter-phone').getAttribute('maxlength'), '20');
    await page.locator('#letter-name').fill('名'.repeat(40));
    assert.equal((await page.locator('#letter-name').inputValue()).length, 30, 'typing stops at 30');
    assert.equal(await page.locator('.hp:has(#letter-website)').getAttribute('aria-hidden'), 'true');
    assert.equal(await page.locator('#rate-comment').count(), 0);

    // The open consultation (its comment form is on the page while the clock, pinned to the
    // demo's date, is within its period).
    await gotoApp(page, app.server.url + 'consult/2025-01');
    // (The form's code comes when the reader nears it, src/ui/near.rs.)
    await page.locator('main#main h1').waitFor({ state: 'visible' });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('#comment-website').waitFor({ state: 'attached' });
    assert.equal(await page.locator('#comment-name').getAttribute('maxlength'), '30');
    assert.equal(await page.locator('#comment-contact').getAttribute('maxlength'), '60');
    expectNoConsoleErrors(page);
  });
});

// 代表培训, end to end, at 375 px and 1280 px:
//   1. the catalog: courses grouped by topic with level, 学时, lesson count and progress; search
//      and the topic filter go into the URL and survive a reload; the empty result;
//   2. a lesson: scroll mid-way, leave for the course page, come back through the link: the page
//      returns to the same block (saved position in localStorage), with the 已回到 note;
//   3. the lesson quiz: answers chosen survive a reload until submitted; a wrong attempt shows 未达到及格线 with every question's explanation; the
//      retry with the right answers passes; the best score is kept and the lesson is done;
//   4. hours and certificate: pass every lesson of a course; 我的学习 shows the course as passed
//      and this year's 学时; the certificate prints cleanly (print media: no shell, the A4 box),
//      and the record is sent through the outbox (学习记录 with a receipt code);
//   5. offline: with the service worker allowed, open a course (可离线学习), go offline
//      (context.setOffline) and open one of its lessons: it renders from the cache, while a
//      non-training page's data is not served stale (its data error shows).
// Every page visited gets a screenshot (training-*-{width}.png) and an axe-core check.

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
  waitForApp,
  expectNoConsoleErrors,
  settle,
  shot,
  axeCheck,
  eventually,
} from './lib.mjs';

const app = useAppServer({ reset: true });

const index = readData('training/index.json');
const lessonFile = (id) => readData(`training/lessons/${id}.json`);
const courseFile = (id) => readData(`training/courses/${id}.json`);
const KEY = 'deputy-home.training.v1';

/** The learner's record in localStorage, parsed ({} when none). */
async function record(page) {
  return page.evaluate((k) => JSON.parse(localStorage.getItem(k) || '{}'), KEY);
}

/** Indexes of a wrong choice for a question (never the right set). */
function wrongChoice(q) {
  if (q.kind === 'multiple') return [q.answer[0]];
  return [q.answer[0] === 0 ? 1 : 0];
}

/** Tick the given options of question `q` in quiz `key`. */
async function choose(page, key, q, indexes) {
  for (const i of indexes) {
    await page.locator(`#${key}-${q.id}-${i}`).check();
  }
}

async function answerAll(page, key, quiz, pick) {
  for (const q of quiz.questions) await choose(page, key, q, pick(q));
  await page.locator('.quiz-form button[type="submit"]').click();
}

/** Scroll down to the quiz, as a learner would: its code comes when the learner nears it
 * (src/ui/near.rs). */
async function toQuiz(page) {
  await page.locator('main#main h1').waitFor({ state: 'visible' });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.locator('.quiz-form').waitFor({ state: 'visible' });
}

/** Pass a lesson's quiz through the UI. */
async function passLesson(page, id) {
  await gotoApp(page, `${app.server.url}training/lesson/${id}`);
  await toQuiz(page);
  await answerAll(page, `quiz-${id}`, lessonFile(id).quiz, (q) => q.answer);
  await page.locator('.quiz-result.pass').waitFor();
}

for (const width of [MOBILE, DESKTOP]) {
  describe(`training at ${width}px`, () => {
    test('catalog: grouped by topic, search and filter in the URL', async () => {
      await withPage(app.browser, { width }, async (page) => {
        await gotoApp(page, `${app.server.url}training`);
        assert.equal(await page.locator('main h1').innerText(), '代表培训');
        // One group per topic, every course listed once with its facts.
        const groups = await page.locator('.topic-group h2').allInnerTexts();
        assert.deepEqual(groups, index.topics);
        assert.equal(await page.locator('.course-card').count(), index.courses.length);
        const first = index.courses[0];
        const card = page.locator('.course-card', { hasText: first.title });
        const text = await card.innerText();
        assert.match(text, /新任代表初任培训|专题培训/);
        assert.ok(text.includes(`${first.lessons.length} 节`), text);
        assert.ok(/\d\.\d 学时/.test(text), text);
        assert.ok(text.includes('未开始'), text);
        await shot(page, `training-catalog-${width}`);
        await axeCheck(page, `catalog ${width}`);

        // Topic filter, then search: both in the URL, kept across a reload.
        await page.locator('#t-topic').selectOption('议案建议写作');
        await eventually(() => page.url().includes('topic='));
        const inTopic = index.courses.filter((c) => c.topic === '议案建议写作');
        assert.equal(await page.locator('.course-card').count(), inTopic.length);
        await page.locator('#t-q').fill('办理');
        await eventually(() => page.url().includes('q='));
        await reloadApp(page);
        assert.equal(await page.locator('#t-q').inputValue(), '办理');
        assert.equal(await page.locator('#t-topic').inputValue(), '议案建议写作');
        assert.ok((await page.locator('.course-card').count()) >= 1);
        await page.locator('#t-q').fill('没有这样的课程名称');
        await page.locator('.empty').waitFor();
        assert.equal(await page.locator('.course-card').count(), 0);
        expectNoConsoleErrors(page, 'catalog');
      });
    });

    test('lesson: leave mid-way and come back to the same place', async () => {
      await withPage(app.browser, { width }, async (page) => {
        const lesson = lessonFile('c02-l1');
        const mid = Math.floor(lesson.blocks.length / 2) + 1;
        await gotoApp(page, `${app.server.url}training/lesson/${lesson.id}`);
        assert.equal(await page.locator('main h1').innerText(), lesson.title);
        assert.equal(await page.locator('.lesson-block').count(), lesson.blocks.length);
        // Read down to a block in the middle.
        await page.locator(`.lesson-block[data-block="${mid}"]`).evaluate((el) => el.scrollIntoView());
        const saved = await eventually(async () => ((await record(page)).lessons?.[lesson.id]?.position === mid ? true : null));
        assert.ok(saved, `the reading position is saved as the learner scrolls: ${JSON.stringify(await record(page))}`);
        // Scrolling back up (to the back link) keeps the furthest place reached.
        await page.evaluate(() => window.scrollTo(0, 0));
        // Leave for the course page, then come back through its lesson link.
        await page.locator('.breadcrumb a').click();
        await page.locator('.lesson-list').waitFor();
        assert.equal(await page.locator('main h1').innerText(), lesson.course_title);
        await page.locator('.lesson-list a', { hasText: lesson.title }).click();
        await page.locator('.resume-note').waitFor();
        const top = await eventually(async () => {
          const y = await page.locator(`.lesson-block[data-block="${mid}"]`).evaluate((el) => el.getBoundingClientRect().top);
          return Math.abs(y) < 80 ? String(y) : null;
        });
        const where = await page.evaluate((m) => [window.scrollY, document.querySelector(`.lesson-block[data-block="${m}"]`).getBoundingClientRect().top], mid);
        assert.ok(top !== null, `back at the saved block ${mid}: scrollY, top = ${where}`);
        assert.ok(await page.evaluate(() => window.scrollY > 100));
        assert.equal((await record(page)).lessons[lesson.id].position, mid);
        // 从头阅读 goes back to the top.
        await page.locator('.resume-note button').click();
        await eventually(() => page.evaluate(() => window.scrollY === 0));
        await shot(page, `training-lesson-${width}`);
        await axeCheck(page, `lesson ${width}`);
        expectNoConsoleErrors(page, 'lesson');
      });
    });

    test('media: a file that cannot load says so and points at the transcript', async () => {
      await withPage(app.browser, { width }, async (page) => {
        const lesson = lessonFile('c03-l4');
        assert.ok(lesson.media, 'the lesson has audio');
        // The demo's media live on a placeholder host; make the failure deterministic.
        await page.route('https://example.invalid/**', (r) => r.abort());
        await gotoApp(page, `${app.server.url}training/lesson/${lesson.id}`);
        await page.getByRole('button', { name: '播放音频' }).click();
        const alert = page.locator('.lesson-media [role="alert"]');
        await alert.waitFor();
        assert.match(await alert.innerText(), /暂时无法播放/);
        assert.ok((await page.locator('.transcript').innerText()).includes(lesson.media.transcript.slice(0, 20)));
        await page.getByRole('button', { name: '重新播放' }).click();
        await alert.waitFor();
        await axeCheck(page, `media failed ${width}`);
      });
    });

    test('quiz: fail, see explanations, pass on retry, best score kept', async () => {
      await withPage(app.browser, { width }, async (page) => {
        const lesson = lessonFile('write-suggestion');
        const key = `quiz-${lesson.id}`;
        const quiz = lesson.quiz;
        const kinds = new Set(quiz.questions.map((q) => q.kind));
        assert.deepEqual([...kinds].sort(), ['multiple', 'single', 'true_false']);
        await gotoApp(page, `${app.server.url}training/lesson/${lesson.id}`);
        await toQuiz(page);
        // Submitting with nothing answered is refused with a message.
        await page.locator('.quiz-form button[type="submit"]').click();
        assert.match(await page.locator('.quiz-form [role="alert"]').innerText(), /还有 3 题没有作答/);
        // Answers chosen so far are a draft: they survive a reload.
        const [first] = quiz.questions;
        await choose(page, key, first, wrongChoice(first));
        await reloadApp(page);
        await toQuiz(page);
        for (const i of wrongChoice(first)) assert.ok(await page.locator(`#${key}-${first.id}-${i}`).isChecked(), 'the chosen answer after a reload');
        await answerAll(page, key, quiz, wrongChoice);
        const result = page.locator('.quiz-result');
        await result.waitFor();
        assert.ok((await result.getAttribute('class')).includes('fail'));
        assert.match(await result.innerText(), /0 分/);
        assert.match(await result.innerText(), /未达到及格线/);
        // Every question shows the verdict, the right answer and the explanation.
        const feedback = page.locator('.quiz-feedback.wrong');
        assert.equal(await feedback.count(), quiz.questions.length);
        for (const [i, q] of quiz.questions.entries()) {
          const t = await feedback.nth(i).innerText();
          assert.ok(t.includes(q.explanation), `explanation of ${q.id}`);
          assert.ok(t.includes(q.options[q.answer[0]]), `right answer of ${q.id}`);
        }
        assert.equal((await record(page)).lessons[lesson.id].completed_on ?? null, null);
        await shot(page, `training-quiz-failed-${width}`);
        await axeCheck(page, `quiz failed ${width}`);
        // Retry with the right answers.
        await result.locator('button').click();
        assert.equal(await page.locator('.quiz-feedback').count(), 0);
        await answerAll(page, key, quiz, (q) => q.answer);
        await page.locator('.quiz-result.pass').waitFor();
        assert.match(await page.locator('.quiz-result').innerText(), /100 分/);
        assert.equal(await page.locator('.quiz-feedback.right').count(), quiz.questions.length);
        // A worse third attempt does not lower the best score.
        await page.locator('.quiz-result button').click();
        await answerAll(page, key, quiz, wrongChoice);
        await page.locator('.quiz-result.fail').waitFor();
        const best = await page.locator('.quiz-best').innerText();
        assert.ok(best.includes('最好成绩 100 分') && best.includes('3 次'), best);
        const rec = (await record(page)).lessons[lesson.id];
        assert.equal(rec.quiz.best_percent, 100);
        assert.equal(rec.quiz.attempts, 3);
        assert.match(rec.completed_on, /^\d{4}-\d{2}-\d{2}$/);
        await reloadApp(page);
        await toQuiz(page);
        assert.ok((await page.locator('.quiz-best').innerText()).includes('100'));
        // A submitted attempt is no longer a draft: the quiz starts empty.
        assert.equal(await page.locator('.quiz-form input:checked').count(), 0);
        expectNoConsoleErrors(page, 'quiz');
      });
    });

    test('hours, certificate (print) and sending the record', async () => {
      await withPage(app.browser, { width }, async (page) => {
        // A course without a final quiz, passed lesson by lesson.
        const course = index.courses.find((c) => !c.has_final_quiz);
        assert.ok(course, 'a course without a final quiz');
        // Not passed yet: the certificate page says so.
        await gotoApp(page, `${app.server.url}training/certificate/${course.id}`);
        assert.match(await page.locator('main').innerText(), /还没有完成/);
        for (const l of course.lessons) await passLesson(page, l.id);

        await gotoApp(page, `${app.server.url}training/course/${course.id}`);
        assert.ok((await page.locator('main .news-meta').first().innerText()).includes('已结业'));
        await page.locator('.done-note a').waitFor();

        await gotoApp(page, `${app.server.url}training/mine`);
        const expectHours = (Math.round((course.minutes * 10) / 45) / 10).toFixed(1);
        assert.equal(await page.locator('#year-hours').innerText(), expectHours);
        assert.ok((await page.locator('.course-card', { hasText: course.title }).innerText()).includes('结业'));
        await shot(page, `training-mine-${width}`);
        await axeCheck(page, `mine ${width}`);

        await page.locator('.course-card', { hasText: course.title }).locator('a', { hasText: '结业证明' }).click();
        await page.locator('.certificate').waitFor();
        await page.locator('#cert-name').fill('乌云其木格');
        const cert = await page.locator('.certificate').innerText();
        assert.ok(cert.includes('乌云其木格') && cert.includes(course.title) && cert.includes(`${expectHours} 学时`), cert);
        await axeCheck(page, `certificate ${width}`);
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('header').first().evaluate((el) => getComputedStyle(el).display), 'none');
        assert.equal(await page.locator('.certificate-tools').evaluate((el) => getComputedStyle(el).display), 'none');
        assert.ok(await page.locator('.certificate').isVisible());
        await shot(page, `training-certificate-print-${width}`);
        await page.emulateMedia({ media: 'screen' });
        if (width === DESKTOP) {
          const pdf = await page.pdf({ format: 'A4', printBackground: true });
          assert.ok(pdf.length > 1000);
        }

        // Send the record to the station through the outbox.
        await gotoApp(page, `${app.server.url}training/mine`);
        await page.locator('.report-section button').click();
        await page.locator('.report-section .receipt-code').waitFor();
        const outbox = await page.evaluate(() => JSON.parse(localStorage.getItem('deputy-home.outbox.v1') || '[]'));
        const item = outbox.find((i) => i.submission.kind === 'training');
        assert.ok(item, 'a training submission in the outbox');
        assert.equal(item.submission.payload.hours, expectHours);
        assert.equal(item.submission.payload.courses.find((c) => c.course_id === course.id).lessons_done, course.lessons.length);
        expectNoConsoleErrors(page, 'hours');
      });
    });

    test('offline: an opened course stays readable', async () => {
      await withPage(app.browser, { width, contextOptions: { serviceWorkers: 'allow' } }, async (page) => {
        const course = courseFile('c03');
        await gotoApp(page, `${app.server.url}training/course/${course.id}`);
        await page.locator('.offline-state.offline-ready').waitFor({ timeout: 15_000 });
        assert.match(await page.locator('.offline-state').innerText(), /可离线学习/);
        // The service worker controls the page (it claims it once active).
        const controlled = await eventually(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 });
        assert.ok(controlled, 'service worker in control');
        await axeCheck(page, `course ${width}`);
        await shot(page, `training-course-${width}`);

        await page.context().setOffline(true);
        const lesson = lessonFile('write-suggestion');
        const fromSw = [];
        page.on('response', (r) => {
          if (r.url().includes(`training/lessons/${lesson.id}.json`)) fromSw.push(r.fromServiceWorker());
        });
        await page.goto(`${app.server.url}training/lesson/${lesson.id}`);
        await waitForApp(page);
        assert.equal(await page.locator('main h1').innerText(), lesson.title);
        await toQuiz(page);
        assert.equal(await page.locator('.quiz-question').count(), lesson.quiz.questions.length);
        assert.ok(fromSw.length && fromSw.every(Boolean), 'the lesson came from the service worker');
        await shot(page, `training-offline-lesson-${width}`);
        // Other data is never served from the cache: offline, its page shows the data error.
        await page.goto(`${app.server.url}consult`);
        await page.locator('main h1').first().waitFor();
        await page.locator('main [role="alert"], main .data-error').first().waitFor({ timeout: 15_000 });
        await page.context().setOffline(false);
      });
    });
  });
}

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { Locale } from '../../src-core/i18n';
import { askHost, LOCALES, signIn, t } from './helpers';

// The calendar-thematic plans (КТЖ / КТП) in the browser against the central server: a CSV imported through the
// page, a topic edited in place, the plan laid onto a class's lessons from today, and the topic on the teacher's
// day. Only the server's project (plans are answered by the server on both hosts). SABAQ_TEACHER_SHOTS=1 also
// writes /tmp/plans-*.png (1920×1080 and 1366×768, kk/ru/en).
const SHOTS = process.env.SABAQ_TEACHER_SHOTS === '1';
const BROKEN = new URL('../fixtures/plans/broken-ru.csv', import.meta.url);

test.beforeEach(({ page: _page }, info) => {
  test.skip(info.project.name !== 'server', 'plans are answered by the central server on both hosts');
});

async function openPlans(page: Page, locale: Locale) {
  await signIn(page, 'teacher', locale);
  await page.locator('[data-section="plans"]').click();
  await expect(page.getByTestId('plans-view')).toBeVisible();
}

/** A teacher's plan as a CSV with Russian headers, a merged section and a decimal comma, topics marked by `mark`. */
function csv(mark: string): Buffer {
  return Buffer.from([
    'Раздел;Тема урока;Кол-во часов;СОР/СОЧ',
    `Линейная функция;Функция ${mark};1;`,
    `;График ${mark};1,5;СОР`,
    `Системы уравнений;Системы ${mark};2;СОЧ`,
  ].join('\r\n'), 'utf8');
}

test('a teacher imports a CSV plan, edits a topic in place, lays it out from today and sees the topic on their day', async ({ page, request }) => {
  const locale: Locale = 'en';
  const mark = randomBytes(3).toString('hex');
  const day = await askHost(request, 'teacher', 'timetable.teacherDay', {});
  const { journals } = await askHost(request, 'teacher', 'journal.list', {});
  // The day's last lesson (other browser tests write the first lessons' topics) whose class the teacher teaches.
  const sorted = [...day.lessons].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.period - b.period);
  const lesson = [...sorted].reverse().find((l) => l.status !== 'cancelled' && journals.some((j) => j.mine && j.subject.id === l.subject.id && j.class.id === l.class.id));
  expect(lesson, 'the demo teacher teaches a lesson today').toBeTruthy();
  const { subject, class: klass } = lesson!;

  await openPlans(page, locale);
  const form = page.getByTestId('plan-import-form');
  await form.getByTestId('plan-import-subject').selectOption(`${subject.id}:${klass.grade}`);
  await form.getByTestId('plan-import-language').selectOption('ru');
  await form.getByTestId('plan-import-title').fill(`Plan ${mark}`);
  await form.getByTestId('plan-import-file').setInputFiles({ name: `ktp-${mark}.csv`, mimeType: 'text/csv', buffer: csv(mark) });
  await form.getByTestId('plan-import-submit').click();

  // The plan opens with its topics, totals and СОР/СОЧ.
  const detail = page.getByTestId('plan-detail');
  await expect(detail.getByTestId('plan-title')).toHaveText(`Plan ${mark}`);
  const rows = detail.getByTestId('topic-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0).getByTestId('topic-title')).toHaveText(`Функция ${mark}`);
  await expect(rows.nth(1).getByTestId('topic-section')).toHaveText('Линейная функция');
  await expect(rows.nth(1).getByTestId('topic-hours')).toHaveText('1.5');
  await expect(rows.nth(1)).toContainText(t(locale, 'plans.sor'));
  await expect(detail.getByTestId('topics-hours')).toHaveText('4.5');
  const planId = String(await detail.getAttribute('data-id'));

  // A topic edited in place: Enter saves it; hours that are not hours are refused and change nothing.
  await rows.nth(0).getByTestId('topic-title').click();
  await rows.nth(0).getByTestId('topic-input-title').fill(`Function ${mark}`);
  await rows.nth(0).getByTestId('topic-input-title').press('Enter');
  await expect(rows.nth(0).getByTestId('topic-saved')).toBeVisible();
  await rows.nth(2).getByTestId('topic-hours').click();
  await rows.nth(2).getByTestId('topic-input-hours').fill('0,3');
  await rows.nth(2).getByTestId('topic-input-hours').press('Enter');
  await expect(rows.nth(2).getByTestId('topic-error')).toHaveText(t(locale, 'plans.screen.hoursInvalid', { value: '0,3' }));
  // Escape leaves a cell without saving it.
  await rows.nth(2).getByTestId('topic-title').click();
  await rows.nth(2).getByTestId('topic-input-title').fill('not this');
  await rows.nth(2).getByTestId('topic-input-title').press('Escape');
  await expect(rows.nth(2).getByTestId('topic-title')).toHaveText(`Системы ${mark}`);
  const held = await askHost(request, 'teacher', 'plans.get', { planId });
  expect(held.topics.map((x) => [x.title, x.hours])).toEqual([[`Function ${mark}`, 1], [`График ${mark}`, 1.5], [`Системы ${mark}`, 2]]);

  // Laid onto the class's lessons from today: the first topic lands on today's lesson.
  const apply = page.getByTestId('plan-apply');
  const target = journals.find((j) => j.mine && j.subject.id === subject.id && j.class.id === klass.id && (j.group?.number ?? null) === lesson!.group)!;
  await apply.getByTestId('plan-apply-class').selectOption(`${klass.id}|${target.group?.id ?? ''}`);
  await apply.getByTestId('plan-apply-from').fill(day.date);
  await apply.getByTestId('plan-apply-submit').click();
  const result = apply.getByTestId('plan-apply-result');
  await expect(result).toBeVisible();
  await expect(result.getByTestId('apply-written')).toHaveAttribute('data-n', /^[1-9]\d*$/);
  await expect(result.getByTestId('apply-notFitted')).toHaveAttribute('data-n', '0');
  await result.locator('summary').click();
  await expect(result.getByTestId('apply-lesson').first()).toContainText(`Function ${mark}`);

  // The teacher's day shows it as the lesson's topic.
  await page.locator('[data-section="today"]').click();
  const onDay = page.getByTestId('lesson').filter({ has: page.getByTestId('lesson-class').getByText(klass.name, { exact: true }) })
    .filter({ has: page.getByText(subject.name[locale], { exact: true }) });
  await expect(onDay.first()).toContainText(t(locale, 'lesson.topic', { topic: `Function ${mark}` }));
  const after = await askHost(request, 'teacher', 'timetable.teacherDay', {});
  expect(after.lessons.find((l) => l.id === lesson!.id)?.topic).toBe(`Function ${mark}`);
});

test('the director reads the teachers\' plans without changing them', async ({ page, request }) => {
  const mark = randomBytes(3).toString('hex');
  const { journals } = await askHost(request, 'teacher', 'journal.list', {});
  const mine = journals.find((j) => j.mine)!;
  const plan = await askHost(request, 'teacher', 'plans.import', {
    subjectId: mine.subject.id, grade: mine.class.grade, language: 'kk', title: `Deputy ${mark}`,
    fileName: 'ktp.csv', base64: csv(mark).toString('base64'),
  });
  await signIn(page, 'director', 'ru');
  await page.locator('[data-section="plans"]').click();
  await expect(page.getByTestId('plans-view')).toBeVisible();
  await expect(page.getByTestId('plan-import-form')).toHaveCount(0);
  const row = page.locator(`[data-testid="plan-row"][data-id="${plan.id}"]`);
  await row.getByTestId('plan-open').click();
  const detail = page.getByTestId('plan-detail');
  await expect(detail.getByTestId('plan-title')).toHaveText(`Deputy ${mark}`);
  await expect(detail.getByTestId('topic-row')).toHaveCount(3);
  await expect(page.getByTestId('plan-apply')).toHaveCount(0);
  // Read only: the topics are text, not fields to edit.
  await expect(detail.getByTestId('topic-row').first()).toContainText(`Функция ${mark}`);
  await expect(detail.getByTestId('topic-title')).toHaveCount(0);
});

test('a plan file with errors is refused with its rows named, and nothing is imported', async ({ page, request }) => {
  const locale: Locale = 'ru';
  const before = (await askHost(request, 'teacher', 'plans.list', {})).plans.map((p) => [p.id, p.rowVersion]);
  await openPlans(page, locale);
  await page.getByTestId('plan-import-file').setInputFiles({ name: 'broken-ru.csv', mimeType: 'text/csv', buffer: readFileSync(BROKEN) });
  await page.getByTestId('plan-import-submit').click();
  const error = page.getByTestId('plan-import-error');
  await expect(error.locator('p')).toHaveText(t(locale, 'error.plan_file_invalid', { count: 3 }));
  await expect(error.locator('li')).toHaveText([
    t(locale, 'error.plan_hours_invalid', { row: 2, value: 'два', max: 20 }),
    t(locale, 'error.plan_topic_missing', { row: 3 }),
    t(locale, 'error.plan_hours_missing', { row: 4 }),
  ]);
  expect((await askHost(request, 'teacher', 'plans.list', {})).plans.map((p) => [p.id, p.rowVersion])).toEqual(before);

  // A file of another type is refused on the page, before it is sent.
  await page.getByTestId('plan-import-file').setInputFiles({ name: 'plan.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK') });
  await page.getByTestId('plan-import-submit').click();
  await expect(error).toHaveText(t(locale, 'error.plan_file_type', { name: 'plan.docx' }));
});

test('the plans\' screens in three languages and two sizes', async ({ page }) => {
  test.skip(!SHOTS, 'screenshots only with SABAQ_TEACHER_SHOTS=1');
  for (const locale of LOCALES) {
    await openPlans(page, locale);
    for (const size of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }]) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `/tmp/plans-list-${locale}-${size.width}.png`, fullPage: true });
    }
    const open = page.getByTestId('plan-open').first();
    if (await open.count()) {
      await open.click();
      await expect(page.getByTestId('plan-topics')).toBeVisible();
      for (const size of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }]) {
        await page.setViewportSize(size);
        await page.screenshot({ path: `/tmp/plans-detail-${locale}-${size.width}.png`, fullPage: true });
      }
      await page.getByTestId('plan-back').click();
    }
    await page.getByTestId('plans-tab-lessons').click();
    await expect(page.getByTestId('plans-day')).toBeVisible();
    await page.screenshot({ path: `/tmp/plans-lessons-${locale}-1366.png`, fullPage: false });
    await page.getByTestId('sign-out').click();
  }
});

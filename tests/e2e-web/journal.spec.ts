import { expect, test, type Page } from '@playwright/test';
import type { OutputOf } from '../../src-core/contract/operations';
import { askHost, LOCALES, signIn, t } from './helpers';

type Sheet = OutputOf<'journal.sheet'>;

/**
 * The demo teacher's first own journal, as the page's host answers it. The desktop client's project runs after the
 * server's (playwright.config.ts), so the two never write it at the same time.
 */
async function firstJournal(request: Parameters<typeof askHost>[0], _project = 'server'): Promise<{ input: { classId: string; subjectId: string; groupId: string | null }; sheet: Sheet }> {
  const { journals } = await askHost(request, 'teacher', 'journal.list', {});
  const mine = journals.find((j) => j.mine);
  expect(mine, 'the demo teacher has a journal of their own').toBeTruthy();
  const input = { classId: mine!.class.id, subjectId: mine!.subject.id, groupId: mine!.group?.id ?? null };
  return { input, sheet: await askHost(request, 'teacher', 'journal.sheet', input) };
}

async function openJournal(page: Page, locale: 'kk' | 'ru' | 'en', input?: { classId: string; subjectId: string; groupId: string | null }) {
  await signIn(page, 'teacher', locale);
  await page.locator('[data-section="journal"]').click();
  await expect(page.getByTestId('journal-grid')).toBeVisible();
  if (input) {
    await page.getByTestId('journal-select').selectOption(`${input.classId}|${input.subjectId}|${input.groupId ?? ''}`);
    await expect(page.getByTestId('journal-grid')).toBeVisible();
  }
}

const cellOf = (page: Page, lessonId: string, studentId: string, kind = 'fo') =>
  page.locator(`[data-testid="journal-cell"][data-lesson="${lessonId}"][data-student="${studentId}"][data-kind="${kind}"]`);

/**
 * The two writing tests run on the central server's project only. On the desktop client a screen that reads the
 * replica right after its change was acknowledged can see the cell's value from before the change for a moment
 * (the server's old row is put back until the pull brings the new one): a known fault, to be fixed in the sync.
 */
test('a teacher fills a lesson from the keyboard and the term mark follows', async ({ page, request }, info) => {
  const { input, sheet } = await firstJournal(request, info.project.name);
  // The page opens on the last lesson up to today; each project writes its own pupils (both share the server's data).
  const lesson = sheet.lessons.filter((l) => l.date <= sheet.today).at(-1);
  test.skip(!lesson?.writable, 'the demo teacher has no writable lesson up to today in their first journal');
  const base = info.project.name === 'client' ? 4 : 0;
  const [p0, p1, p2] = [sheet.pupils[base]!, sheet.pupils[base + 1]!, sheet.pupils[base + 2]!];
  const held = sheet.cells.find((c) => c.lessonId === lesson!.id && c.studentId === p0.id)?.fo?.value ?? null;
  const keys = held === 10 ? ['9'] : ['1', '0'];
  const value = held === 10 ? '9' : '10';

  await openJournal(page, 'en', input);
  const grid = page.getByTestId('journal-grid');
  await cellOf(page, lesson!.id, p0.id).click();
  for (const k of keys) await page.keyboard.press(k);
  await expect(cellOf(page, lesson!.id, p0.id)).toContainText(value);

  // The term percent on screen is the host's, after the write.
  await expect.poll(async () => {
    const after = await askHost(request, 'teacher', 'journal.sheet', input);
    return after.cells.find((c) => c.lessonId === lesson!.id && c.studentId === p0.id)?.fo?.value;
  }).toBe(Number(value));
  const after = await askHost(request, 'teacher', 'journal.sheet', input);
  const term = after.termMarks.find((m) => m.studentId === p0.id)!;
  const row = page.getByTestId('journal-row').filter({ hasText: `${p0.lastName} ${p0.firstName}` });
  await expect(row.getByTestId('term-percent')).toHaveText(term.percent === null ? '—' : String(Math.round(term.percent)));
  await expect(row.getByTestId('term-mark')).toHaveText(term.mark === null ? '—' : String(term.mark));

  // Enter goes down a row; "u" (English alias of "ж") marks an absence.
  await page.keyboard.press('Enter');
  await page.keyboard.press('u');
  await expect(cellOf(page, lesson!.id, p1.id)).toContainText('ж');

  // A key the journal does not use, and a 0 as a formative mark, change nothing.
  await page.keyboard.press('ArrowDown');
  const before = await cellOf(page, lesson!.id, p2.id).textContent();
  await page.keyboard.press('q');
  await page.keyboard.press('0');
  await page.waitForTimeout(900);
  await expect(cellOf(page, lesson!.id, p2.id)).toHaveText(before ?? '');
  await expect(page.getByTestId('journal-error')).toHaveCount(0);

  // Ctrl+Z takes the absence back.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Control+z');
  await expect(cellOf(page, lesson!.id, p1.id)).not.toContainText('ж');

  // Everyone present for the lesson.
  const column = page.getByTestId('journal-lesson').filter({ has: page.getByTestId('all-present') }).last();
  await column.getByTestId('all-present').click();
  await expect(page.getByTestId('journal-notice')).toContainText('Recorded present');

  // The cell's history in one key.
  await cellOf(page, lesson!.id, p0.id).click();
  await page.keyboard.press('h');
  const history = page.getByTestId('journal-history');
  await expect(history).toBeVisible();
  await expect(history.getByTestId('history-entry').first().or(history.getByRole('alert'))).toBeVisible();
  await expect(grid).toBeVisible();
});

test('a locked lesson is read-only', async ({ page, request }) => {
  const { sheet } = await firstJournal(request);
  const locked = sheet.lessons.find((l) => l.locked);
  test.skip(!locked, 'the demo journal has no locked lesson in the current period');
  const pupil = sheet.pupils[0]!;
  const before = sheet.cells.find((c) => c.lessonId === locked!.id && c.studentId === pupil.id)?.fo?.value ?? null;
  await openJournal(page, 'ru');
  await page.getByTestId('journal-grid').focus();
  await page.keyboard.press('Home');
  const cell = cellOf(page, locked!.id, pupil.id);
  await cell.click();
  await expect(cell).toHaveAttribute('aria-readonly', 'true');
  await page.keyboard.press(before === 5 ? '6' : '5');
  await page.waitForTimeout(900);
  await expect(cell).toHaveText(before === null ? '' : String(before));
  await expect(page.getByTestId('cell-editor')).toContainText(t('ru', 'journal.locked'));
});

test('the journal screen in every language at two sizes', async ({ page }, info) => {
  test.skip(info.project.name !== 'server' || process.env.SABAQ_JOURNAL_SHOTS !== '1', 'screenshots on request (SABAQ_JOURNAL_SHOTS=1)');
  for (const locale of LOCALES) {
    for (const [w, h] of [[1920, 1080], [1366, 768]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await openJournal(page, locale);
      await page.screenshot({ path: `/tmp/journal-${locale}-${w}.png` });
      await page.getByTestId('sign-out').click();
    }
  }
});

/** The lesson the panel tests write: today's, or the last one before it. */
const lessonOfToday = (sheet: Sheet) => sheet.lessons.find((l) => l.date === sheet.today && l.writable) ?? sheet.lessons.filter((l) => l.date <= sheet.today).at(-1);

test("a teacher writes a lesson's topic, homework, a СОР and its scores, and a remark", async ({ page, request }, info) => {
  const { input, sheet } = await firstJournal(request, info.project.name);
  const lesson = lessonOfToday(sheet);
  test.skip(!lesson?.writable, 'the demo teacher has no writable lesson up to today in their first journal');
  test.skip(lesson!.summative?.kind === 'soch', 'the lesson already holds a СОЧ');
  const project = info.project.name;
  const pupil = sheet.pupils[project === 'client' ? 7 : 3]!;
  const topic = `Бөлшектерді қосу (${project})`;
  const homework = `§12, № 5–9 (${project})`;

  await openJournal(page, 'ru', input);
  // Enter on the lesson's column header opens its panel.
  await page.locator(`[data-testid="open-lesson"][data-lesson="${lesson!.id}"]`).focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('lesson-panel');
  await expect(panel).toBeVisible();
  await panel.getByTestId('lesson-topic').fill(topic);
  await panel.getByTestId('lesson-topic-save').click();
  await expect(panel.getByTestId('lesson-topic-saved')).toBeVisible();
  await panel.getByTestId('lesson-homework').fill(homework);
  await panel.getByTestId('lesson-homework-save').click();
  await expect(panel.getByTestId('lesson-homework-saved')).toBeVisible();

  // A СОР of 10 points. A lesson that already holds a СОР keeps its maximum (its scores, and the other tests' term
  // marks, depend on it); lowering it below a score given is refused, and the refusal is shown translated.
  const max = lesson!.summative?.max ?? 10;
  const top = Math.max(-1, ...sheet.cells.filter((c) => c.lessonId === lesson!.id && c.score?.value != null).map((c) => c.score!.value!));
  await panel.getByTestId('lesson-kind-sor').check();
  if (top > 1) {
    await panel.getByTestId('lesson-max').fill(String(top - 1));
    await panel.getByTestId('lesson-summative-save').click();
    await expect(panel.getByTestId('lesson-error')).toHaveText(t('ru', 'error.summative_has_scores', { top }));
  }
  await panel.getByTestId('lesson-max').fill(String(max));
  await panel.getByTestId('lesson-work-title').fill('Бөлім 3');
  await panel.getByTestId('lesson-summative-save').click();
  await expect(panel.getByTestId('lesson-summative-saved')).toBeVisible();

  // The host holds them; the panel closes with Escape and the header shows the topic in its tooltip.
  await expect.poll(async () => {
    const after = await askHost(request, 'teacher', 'journal.sheet', input);
    const l = after.lessons.find((x) => x.id === lesson!.id)!;
    return [l.topic, l.homework, l.summative?.kind, l.summative?.max];
  }).toEqual([topic, homework, 'sor', max]);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(page.locator(`[data-testid="open-lesson"][data-lesson="${lesson!.id}"]`)).toHaveAttribute('title', new RegExp(topic.replace(/[()]/g, '\\$&')));

  // The score, by keyboard, in the СОР's own column.
  const score = cellOf(page, lesson!.id, pupil.id, 'score');
  await score.click();
  await page.keyboard.press('7');
  if (max >= 70) await page.keyboard.press('Enter');
  await expect(score).toHaveText('7');
  await expect.poll(async () => {
    const after = await askHost(request, 'teacher', 'journal.sheet', input);
    return after.cells.find((c) => c.lessonId === lesson!.id && c.studentId === pupil.id)?.score?.value;
  }).toBe(7);

  // A remark: the cell gets a marker and the text in its tooltip; the host holds it; it can be cleared.
  const cell = cellOf(page, lesson!.id, pupil.id);
  await cell.click();
  const remark = `Активно работал на уроке (${project})`;
  await page.getByTestId('remark-input').fill(remark);
  await page.getByTestId('remark-input').press('Enter');
  await expect(cell.getByTestId('cell-remark')).toBeVisible();
  await expect(cell).toHaveAttribute('title', t('ru', 'journal.remarkTitle', { text: remark }));
  await expect.poll(async () => {
    const after = await askHost(request, 'teacher', 'journal.sheet', input);
    return after.cells.find((c) => c.lessonId === lesson!.id && c.studentId === pupil.id)?.remark;
  }).toBe(remark);
  await page.getByTestId('remark-clear').click();
  await expect(cell.getByTestId('cell-remark')).toHaveCount(0);
  await expect(page.getByTestId('journal-error')).toHaveCount(0);
});

test('a locked lesson: its panel is read-only and tells the teacher to ask the deputy director', async ({ page, request }, info) => {
  test.skip(info.project.name !== 'server', 'the unlock is the server\'s (the administration signs in there)');
  const { sheet } = await firstJournal(request);
  const locked = sheet.lessons.find((l) => l.locked);
  test.skip(!locked, 'the demo journal has no locked lesson in the current period');
  await openJournal(page, 'kk');
  await page.getByTestId('journal-grid').focus();
  await page.keyboard.press('Home');
  await page.locator(`[data-testid="open-lesson"][data-lesson="${locked!.id}"]`).click();
  const panel = page.getByTestId('lesson-panel');
  await expect(panel.getByTestId('lesson-locked')).toContainText(t('kk', 'journal.lesson.askDeputy'));
  await expect(panel.getByTestId('lesson-topic')).toHaveCount(0);
  await expect(panel.getByTestId('lesson-unlock')).toHaveCount(0);
});

test('a lesson unlocked by the deputy director asks the teacher for a reason, which stays in the history', async ({ page, request }, info) => {
  test.skip(info.project.name !== 'server', 'the unlock and the history are the server\'s');
  const { input, sheet } = await firstJournal(request);
  const locked = sheet.lessons.filter((l) => l.locked);
  // The last locked lesson: the first stays locked for "a locked lesson is read-only".
  test.skip(locked.length < 2, 'the demo journal has fewer than two locked lessons in the current period');
  const lesson = locked.at(-1)!;
  await askHost(request, 'deputy', 'journal.unlockLesson', { lessonId: lesson.id, until: sheet.today, reason: 'Қате түзету' });
  const pupil = sheet.pupils[5]!;
  const held = sheet.cells.find((c) => c.lessonId === lesson.id && c.studentId === pupil.id)?.fo?.value ?? null;
  const value = held === 8 ? 9 : 8;

  await openJournal(page, 'en');
  await page.getByTestId('journal-grid').focus();
  await page.keyboard.press('Home');
  const cell = cellOf(page, lesson.id, pupil.id);
  await cell.click();
  await expect(cell).toHaveAttribute('aria-readonly', 'false');
  // Without a reason the mark is not sent: the reason field asks for it (and takes the focus).
  await page.keyboard.press(String(value));
  await expect(page.getByTestId('reason-needed')).toHaveText(t('en', 'journal.reasonNeeded'));
  await expect(page.getByTestId('reason-input')).toBeFocused();
  await page.getByTestId('reason-input').fill('The mark was written in the wrong row');
  await page.getByTestId('reason-input').press('Enter');
  await expect(page.getByTestId('reason-needed')).toHaveCount(0);
  await cell.click();
  await page.keyboard.press(String(value));
  await expect(cell).toContainText(String(value));
  await expect.poll(async () => {
    const after = await askHost(request, 'teacher', 'journal.sheet', input);
    return after.cells.find((c) => c.lessonId === lesson.id && c.studentId === pupil.id)?.fo?.value;
  }).toBe(value);
  const { entries } = await askHost(request, 'teacher', 'journal.cellHistory', { lessonId: lesson.id, studentId: pupil.id });
  expect(entries.find((e) => e.what === 'fo' && e.new === String(value))?.reason).toBe('The mark was written in the wrong row');

  // The lesson's panel says until when it is open.
  await page.locator(`[data-testid="open-lesson"][data-lesson="${lesson.id}"]`).click();
  await expect(page.getByTestId('lesson-unlocked')).toBeVisible();
});

test('the lesson panel in every language at two sizes', async ({ page, request }, info) => {
  test.skip(info.project.name !== 'server' || process.env.SABAQ_JOURNAL_SHOTS !== '1', 'screenshots on request (SABAQ_JOURNAL_SHOTS=1)');
  const { sheet } = await firstJournal(request);
  const lesson = lessonOfToday(sheet)!;
  const pupil = sheet.pupils[3]!;
  for (const locale of LOCALES) {
    for (const [w, h] of [[1920, 1080], [1366, 768]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await openJournal(page, locale);
      await cellOf(page, lesson.id, pupil.id).click();
      await page.locator(`[data-testid="open-lesson"][data-lesson="${lesson.id}"]`).click();
      await expect(page.getByTestId('lesson-panel')).toBeVisible();
      await page.screenshot({ path: `/tmp/journal-panel-${locale}-${w}.png` });
      await page.getByTestId('lesson-close').click();
      await page.getByTestId('sign-out').click();
    }
  }
});

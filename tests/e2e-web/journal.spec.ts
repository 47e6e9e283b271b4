import { expect, test, type Page } from '@playwright/test';
import type { OutputOf } from '../../src-core/contract/operations';
import { askHost, LOCALES, signIn, t } from './helpers';

type Sheet = OutputOf<'journal.sheet'>;

/** The demo teacher's first own journal, as the page's host answers it. */
async function firstJournal(request: Parameters<typeof askHost>[0]): Promise<{ input: { classId: string; subjectId: string; groupId: string | null }; sheet: Sheet }> {
  const { journals } = await askHost(request, 'teacher', 'journal.list', {});
  const mine = journals.find((j) => j.mine);
  expect(mine, 'the demo teacher has a journal of their own').toBeTruthy();
  const input = { classId: mine!.class.id, subjectId: mine!.subject.id, groupId: mine!.group?.id ?? null };
  return { input, sheet: await askHost(request, 'teacher', 'journal.sheet', input) };
}

async function openJournal(page: Page, locale: 'kk' | 'ru' | 'en') {
  await signIn(page, 'teacher', locale);
  await page.locator('[data-section="journal"]').click();
  await expect(page.getByTestId('journal-grid')).toBeVisible();
}

const cellOf = (page: Page, lessonId: string, studentId: string, kind = 'fo') =>
  page.locator(`[data-testid="journal-cell"][data-lesson="${lessonId}"][data-student="${studentId}"][data-kind="${kind}"]`);

test('a teacher fills a lesson from the keyboard and the term mark follows', async ({ page, request }, info) => {
  const { input, sheet } = await firstJournal(request);
  // The page opens on the last lesson up to today; each project writes its own pupils (both share the server's data).
  const lesson = sheet.lessons.filter((l) => l.date <= sheet.today).at(-1);
  test.skip(!lesson?.writable, 'the demo teacher has no writable lesson up to today in their first journal');
  const base = info.project.name === 'client' ? 4 : 0;
  const [p0, p1, p2] = [sheet.pupils[base]!, sheet.pupils[base + 1]!, sheet.pupils[base + 2]!];
  const held = sheet.cells.find((c) => c.lessonId === lesson!.id && c.studentId === p0.id)?.fo?.value ?? null;
  const keys = held === 10 ? ['9'] : ['1', '0'];
  const value = held === 10 ? '9' : '10';

  await openJournal(page, 'en');
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

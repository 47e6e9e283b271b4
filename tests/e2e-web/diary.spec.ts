import { expect, test } from '@playwright/test';
import { askHost, LOCALES, signIn, t } from './helpers';

// A parent signs in and opens the children's marks: the parents' portal in a browser (project `server`) and the
// desktop client from its replica (project `client`). SABAQ_DIARY_SCREENS=1 also writes PNGs to /tmp.
const SCREENS = process.env.SABAQ_DIARY_SCREENS === '1';

for (const locale of LOCALES) {
  test(`a parent sees a child's marks (${locale})`, async ({ page, request }, info) => {
    const family = await askHost(request, 'parent', 'family.myChildren', {});
    const child = family.children[0]!;
    const marks = await askHost(request, 'parent', 'diary.marks', { studentId: child.person.id }, locale);
    await signIn(page, 'parent', locale);
    await page.getByRole('link', { name: t(locale, 'nav.marks') }).or(page.getByRole('button', { name: t(locale, 'nav.marks') })).first().click();
    const view = page.getByTestId('marks-view');
    await expect(view.getByRole('heading', { name: t(locale, 'marks.title') })).toBeVisible();
    await expect(page.getByTestId('marks-child')).toContainText(child.person.firstName);
    await expect(page.getByTestId('marks-row')).toHaveCount(marks.subjects.length);
    const marked = marks.subjects.find((s) => s.term.mark !== null);
    if (marked) {
      const row = page.getByTestId('marks-row').filter({ hasText: marked.subject.name[locale] }).first();
      await expect(row.getByTestId('term-mark')).toHaveText(String(marked.term.mark));
    }
    if (SCREENS) {
      for (const size of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }]) {
        await page.setViewportSize(size);
        await page.screenshot({ path: `/tmp/diary-${info.project.name}-marks-${locale}-${size.width}.png`, fullPage: false });
      }
      await page.getByTestId('diary-tab-week').click();
      await expect(page.getByTestId('diary-day').first()).toBeVisible();
      await page.screenshot({ path: `/tmp/diary-${info.project.name}-week-${locale}-1366.png`, fullPage: false });
    }
  });
}

test("a pupil's week shows the lessons of their diary", async ({ page, request }) => {
  const week = await askHost(request, 'student', 'diary.week', {}, 'ru');
  await signIn(page, 'student', 'ru');
  await page.getByRole('link', { name: t('ru', 'nav.diary') }).or(page.getByRole('button', { name: t('ru', 'nav.diary') })).first().click();
  await expect(page.getByTestId('diary-view')).toBeVisible();
  await expect(page.getByTestId('diary-day')).toHaveCount(week.days.length);
  await expect(page.getByTestId('diary-lesson')).toHaveCount(week.days.reduce((n, d) => n + d.lessons.length, 0));
});

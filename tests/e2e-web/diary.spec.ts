import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import type { InputOf, OperationName, OutputOf } from '../../src-core/contract/operations';
import { askHost, LOCALES, PASSWORD, signIn, t } from './helpers';

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
    // The demo school's journal is filled up to yesterday: some subject has a term mark already.
    const marked = marks.subjects.find((s) => s.term.mark !== null);
    expect(marked, 'a subject with a term mark').toBeDefined();
    const row = page.getByTestId('marks-row').filter({ hasText: marked!.subject.name[locale] }).first();
    await expect(row.getByTestId('term-mark')).toHaveText(String(marked!.term.mark));
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

/** Asks the central server itself (a teacher writing on another computer of the school). */
async function askServer<N extends OperationName>(request: APIRequestContext, login: string, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const server = 'http://127.0.0.1:18080';
  const signed = await request.post(`${server}/auth/sign-in`, { data: { login, password: PASSWORD, deviceId: '00000000-0000-4000-8000-00000000e2e1' } });
  expect(signed.status()).toBe(200);
  const { accessToken } = (await signed.json()) as { accessToken: string };
  const res = await request.post(`${server}/api/${name}`, { data: input, headers: { Authorization: `Bearer ${accessToken}` } });
  expect(res.status(), (await res.text()).slice(0, 400)).toBe(200);
  return ((await res.json()) as { result: OutputOf<N> }).result;
}

for (const locale of LOCALES) {
  test(`a mark the teacher gives today is on the parent's screen (${locale})`, async ({ page, request }, info) => {
    const family = await askServer(request, 'parent', 'family.myChildren', {});
    const child = family.children[0]!;
    // Each run writes its own lesson of the day, so that the runs of the three languages and both hosts do not meet.
    const at = LOCALES.indexOf(locale) + (info.project.name === 'client' ? 3 : 0);
    const lesson = child.day.lessons[at % child.day.lessons.length]!;
    const teachers = await askServer(request, 'admin', 'users.list', { role: 'teacher' });
    const login = teachers.users.find((u) => u.person.id === lesson.teacher.id)!.login;
    const sheet = await askServer(request, login, 'journal.sheet', { classId: lesson.class.id, subjectId: lesson.subject.id });
    const cell = sheet.cells.find((c) => c.lessonId === lesson.id && c.studentId === child.person.id);
    const value = cell?.fo?.value === 9 ? 8 : 9;
    await askServer(request, login, 'journal.setMark', { lessonId: lesson.id, studentId: child.person.id, value, baseVersion: cell?.fo?.version ?? 0 });

    await signIn(page, 'parent', locale);
    await page.getByRole('button', { name: t(locale, 'nav.marks') }).or(page.getByRole('link', { name: t(locale, 'nav.marks') })).first().click();
    await page.getByTestId('diary-tab-week').click();
    const today = page.getByTestId('diary-day').filter({ has: page.locator('.is-today') }).or(page.locator('[data-testid="diary-day"].is-today'));
    const row = today.getByTestId('diary-lesson').filter({ hasText: lesson.subject.name[locale] }).first();
    await expect(row.getByTestId('mark-badge').filter({ hasText: String(value) }).first()).toBeVisible({ timeout: 15_000 });
  });
}

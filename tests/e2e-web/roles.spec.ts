import { expect, test } from '@playwright/test';
import { askHost, signIn, t } from './helpers';

test('student sees their day', async ({ page, request }) => {
  const day = await askHost(request, 'student', 'timetable.studentDay', {});
  await signIn(page, 'student', 'ru');
  await expect(page.getByTestId('my-day-view')).toBeVisible();
  await expect(page.getByTestId('lesson')).toHaveCount(day.lessons.length);
  for (const lesson of day.lessons) await expect(page.getByTestId('my-day-view')).toContainText(lesson.subject.name.ru);
});

test('director sees the school in figures', async ({ page, request }) => {
  const overview = await askHost(request, 'director', 'school.overview', {});
  await signIn(page, 'director', 'en');
  await expect(page.getByTestId('figure-pupils')).toContainText(String(overview.pupils));
  await expect(page.getByTestId('figure-classes')).toContainText(String(overview.classes));
});

test('nurse sees the classes, admin sees the users', async ({ page, request }) => {
  const classes = await askHost(request, 'nurse', 'school.classes', {});
  await signIn(page, 'nurse', 'kk');
  await expect(page.getByTestId('class-row')).toHaveCount(classes.classes.length);
  await page.getByTestId('sign-out').click();

  await signIn(page, 'admin', 'kk');
  await expect(page.getByTestId('users-view')).toBeVisible();
  await expect(page.getByTestId('user-row').first()).toBeVisible();
  await page.getByLabel(t('kk', 'users.filter')).selectOption('parent');
  await expect(page.getByTestId('user-row').first()).toContainText(t('kk', 'role.parent'));
});

test('the day navigation walks to the weekend and back to the next school day', async ({ page }) => {
  await signIn(page, 'teacher', 'en');
  const title = page.getByTestId('day-title');
  await expect(title).toContainText('Monday, 23 November 2026');
  for (let i = 0; i < 6; i += 1) {
    const before = await title.textContent();
    await page.getByRole('button', { name: t('en', 'day.next') }).click();
    await expect(title).not.toHaveText(before ?? '');
  }
  await expect(title).toContainText('Sunday, 29 November 2026');
  await expect(page.getByTestId('day-off')).toContainText(t('en', 'day.off.weekend'));
  await page.getByRole('button', { name: /Next school day/ }).click();
  await expect(title).toContainText('Monday, 30 November 2026');
  await page.getByRole('group', { name: t('en', 'day.navigation') }).getByRole('button', { name: t('en', 'day.today'), exact: true }).click();
  await expect(title).toContainText('Monday, 23 November 2026');
});

import { expect, test } from '@playwright/test';
import { askHost, LANGUAGE_BUTTON, LOCALES, signIn, t } from './helpers';

for (const locale of LOCALES) {
  test(`teacher signs in in ${locale} and sees the day's lessons in that language`, async ({ page, request }) => {
    const day = await askHost(request, 'teacher', 'timetable.teacherDay', {}, locale);
    expect(day.date).toBe('2026-11-23');
    expect(day.lessons.length).toBeGreaterThan(0);

    await signIn(page, 'teacher', locale);
    const view = page.getByTestId('today-view');
    await expect(view.getByRole('heading', { name: t(locale, 'today.title') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('navigation').getByRole('button', { name: t(locale, 'nav.today'), exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(view.getByTestId('lesson')).toHaveCount(day.lessons.length);
    for (const lesson of day.lessons) {
      await expect(view.getByTestId('lesson-subject').filter({ hasText: lesson.subject.name[locale] }).first()).toBeVisible();
      await expect(view.getByTestId('lesson-class').filter({ hasText: lesson.class.name }).first()).toBeVisible();
    }

    // The language stays after a reload, and so does the session.
    await page.reload();
    await expect(page.getByTestId('today-view').getByRole('heading', { name: t(locale, 'today.title') })).toBeVisible();
  });
}

test('parent sees both children with their class and class teacher', async ({ page, request }) => {
  const family = await askHost(request, 'parent', 'family.myChildren', {});
  expect(family.children).toHaveLength(2);

  await signIn(page, 'parent', 'kk');
  const cards = page.getByTestId('child-card');
  await expect(cards).toHaveCount(2);
  for (const child of family.children) {
    const card = cards.filter({ hasText: child.person.firstName });
    await expect(card).toHaveCount(1);
    if (child.class) await expect(card.getByTestId('child-class')).toContainText(child.class.name);
    if (child.classTeacher) await expect(card).toContainText(child.classTeacher.lastName);
    if (child.classTeacher?.phone) await expect(card.getByRole('link', { name: child.classTeacher.phone })).toBeVisible();
    for (const lesson of child.day.lessons) await expect(card).toContainText(lesson.subject.name.kk);
  }
});

test('a wrong password shows the translated error next to the form', async ({ page }) => {
  // Two failures per project, four in all: below the lockout (5), on an account no other test signs in with.
  for (const locale of ['en', 'ru'] as const) {
    await signIn(page, 'psychologist', locale, 'not-the-password');
    await expect(page.getByTestId('signin-error')).toHaveText(t(locale, 'error.bad_credentials'));
    await expect(page.getByLabel(t(locale, 'signin.password'))).toHaveValue('');
  }
  // Empty fields are named next to themselves before anything is sent.
  await page.getByLabel(t('ru', 'signin.login')).fill('');
  await page.getByRole('button', { name: t('ru', 'signin.submit'), exact: true }).click();
  await expect(page.getByText(t('ru', 'signin.required')).first()).toBeVisible();
  await page.getByRole('button', { name: LANGUAGE_BUTTON.kk, exact: true }).click();
  await expect(page.getByText(t('kk', 'signin.required')).first()).toBeVisible();
});

test('the teacher who is also a parent switches to the parent view, and the choice is remembered', async ({ page }) => {
  await signIn(page, 'teacher', 'en');
  const switcher = page.getByTestId('role-switcher');
  await expect(switcher).toBeVisible();
  await expect(page.getByTestId('today-view')).toBeVisible();
  await switcher.getByRole('button', { name: t('en', 'role.parent') }).click();
  await expect(page.getByTestId('children-view')).toBeVisible();
  await expect(page.getByRole('button', { name: t('en', 'nav.children'), exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('child-card').first()).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('children-view')).toBeVisible();
  await switcher.getByRole('button', { name: t('en', 'role.teacher') }).click();
  await expect(page.getByTestId('today-view')).toBeVisible();
});

test('a section that is not built yet says so and signing out returns to the sign-in screen', async ({ page }) => {
  await signIn(page, 'teacher', 'kk');
  await page.getByRole('button', { name: t('kk', 'nav.tests'), exact: true }).click();
  await expect(page.getByTestId('not-ready')).toContainText(t('kk', 'panel.notReady'));
  await page.getByTestId('sign-out').click();
  await expect(page.getByRole('heading', { name: t('kk', 'signin.title') })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: t('kk', 'signin.title') })).toBeVisible();
});

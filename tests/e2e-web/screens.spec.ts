import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import type { Locale } from '../../src-core/i18n';
import { LOCALES, signIn, t } from './helpers';

/** A tour of every screen in each language at a board's and a laptop's size: test-results/screens/*.png. */
const dir = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
mkdirSync(dir, { recursive: true });
const SIZES = [{ name: '1920', width: 1920, height: 1080 }, { name: '1366', width: 1366, height: 768 }];

async function shot(page: Page, size: string, locale: Locale, name: string, fullPage = true) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${dir}${size}-${locale}-${name}.png`, fullPage });
}

async function signOut(page: Page) {
  await page.getByTestId('sign-out').click();
}

for (const size of SIZES) {
  for (const locale of LOCALES) {
    test(`screens ${size.name} ${locale}`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto('/');
      await page.getByRole('button', { name: t(locale, `lang.${locale}`), exact: true }).click();
      await shot(page, size.name, locale, '01-sign-in');
      await signIn(page, `nobody.${size.name}.${locale}`, locale, 'wrong-password');
      await expect(page.getByTestId('signin-error')).toBeVisible();
      await shot(page, size.name, locale, '02-sign-in-error');

      await signIn(page, 'teacher', locale);
      await expect(page.getByTestId('lesson').first()).toBeVisible();
      await shot(page, size.name, locale, '03-teacher-today');
      await page.getByRole('navigation').getByRole('button', { name: t(locale, 'nav.journal'), exact: true }).click();
      await expect(page.getByTestId('journal-view').locator('[role="grid"], .journal-grid').first()).toBeVisible();
      await shot(page, size.name, locale, '04-teacher-journal');
      await page.getByRole('navigation').getByRole('button', { name: t(locale, 'nav.myClass'), exact: true }).click();
      await expect(page.getByTestId('my-class-view').locator('.figure').first()).toBeVisible();
      await shot(page, size.name, locale, '05-teacher-my-class');
      await page.getByRole('navigation').getByRole('button', { name: t(locale, 'nav.today'), exact: true }).click();
      for (let i = 0; i < 6; i += 1) await page.getByRole('button', { name: t(locale, 'day.next') }).click();
      await expect(page.getByTestId('day-off')).toBeVisible();
      await shot(page, size.name, locale, '06-teacher-sunday');
      await page.getByTestId('role-switcher').getByRole('button', { name: t(locale, 'role.parent') }).click();
      await expect(page.getByTestId('child-card').first()).toBeVisible();
      await shot(page, size.name, locale, '07-teacher-as-parent');
      await page.getByTestId('role-switcher').getByRole('button', { name: t(locale, 'role.teacher') }).click();
      await signOut(page);

      await signIn(page, 'parent', locale);
      await expect(page.getByTestId('child-card')).toHaveCount(2);
      await shot(page, size.name, locale, '08-parent-children');
      await signOut(page);

      await signIn(page, 'student', locale);
      await expect(page.getByTestId('my-day-view')).toBeVisible();
      await shot(page, size.name, locale, '09-student-day');
      await signOut(page);

      await signIn(page, 'director', locale);
      await expect(page.getByTestId('figure-pupils')).toBeVisible();
      await shot(page, size.name, locale, '10-director-overview');
      await signOut(page);

      await signIn(page, 'deputy', locale);
      await expect(page.getByTestId('overview-view')).toBeVisible();
      await page.getByRole('navigation').getByRole('button', { name: t(locale, 'nav.today'), exact: true }).click();
      await expect(page.getByTestId('today-view')).toBeVisible();
      await shot(page, size.name, locale, '11-deputy-today');
      await signOut(page);

      await signIn(page, 'nurse', locale);
      await expect(page.getByTestId('class-row').first()).toBeVisible();
      await shot(page, size.name, locale, '12-nurse-classes', false);
      await signOut(page);

      await page.route('**/health', (route) => route.fulfill({ json: { ok: true, role: 'client', offline: true } }));
      await signIn(page, 'admin', locale);
      await expect(page.getByTestId('user-row').first()).toBeVisible();
      await expect(page.getByTestId('offline-badge')).toBeVisible();
      await shot(page, size.name, locale, '13-admin-users-offline', false);

      await page.route('**/api/**', (route) => route.fulfill({
        status: 423, json: { ok: false, error: { code: 'locked', messageKey: 'error.locked', message: 'locked' } },
      }));
      await page.getByLabel(t(locale, 'users.filter')).selectOption('teacher');
      await expect(page.getByTestId('lock-screen')).toBeVisible();
      await shot(page, size.name, locale, '14-lock-screen');
    });
  }
}

test('screens phone kk (a parent at home)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await shot(page, 'phone', 'kk', '01-sign-in');
  await signIn(page, 'parent', 'kk');
  await expect(page.getByTestId('child-card')).toHaveCount(2);
  await shot(page, 'phone', 'kk', '08-parent-children');
});

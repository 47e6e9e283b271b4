import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { InputOf, OperationName, OutputOf } from '../../src-core/contract/operations';
import { translate, type Locale } from '../../src-core/i18n';

export const PASSWORD = 'sabaq2026';
export const LOCALES: Locale[] = ['kk', 'ru', 'en'];
export const LANGUAGE_BUTTON: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
export const t = translate;

/** Asks the page's own host what a user should see (to compare the screen with the data, not with guesses). */
export async function askHost<N extends OperationName>(
  request: APIRequestContext, login: string, name: N, input: InputOf<N>, locale: Locale = 'kk',
): Promise<OutputOf<N>> {
  const signIn = await request.post('/auth/sign-in', { data: { login, password: PASSWORD, deviceId: '00000000-0000-4000-8000-00000000e2e0' } });
  expect(signIn.status(), (await signIn.text()).slice(0, 400)).toBe(200);
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const res = await request.post(`/api/${name}`, {
    data: input, headers: { Authorization: `Bearer ${accessToken}`, 'Accept-Language': locale },
  });
  expect(res.status(), (await res.text()).slice(0, 400)).toBe(200);
  return ((await res.json()) as { result: OutputOf<N> }).result;
}

/** Opens the sign-in screen, picks the language and signs in. */
export async function signIn(page: Page, login: string, locale: Locale, password = PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: LANGUAGE_BUTTON[locale], exact: true }).click();
  await expect(page.getByRole('heading', { name: t(locale, 'signin.title') })).toBeVisible();
  await page.getByLabel(t(locale, 'signin.login')).fill(login);
  await page.getByLabel(t(locale, 'signin.password')).fill(password);
  await page.getByRole('button', { name: t(locale, 'signin.submit'), exact: true }).click();
}

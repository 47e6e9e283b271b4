import { expect, test } from '@playwright/test';
import { fullName } from '../../src-renderer/components/names';
import { LOCALES, signIn, t } from './helpers';
import { CLIENT, makeConflict, markOnServer, SERVER, signInAt, teacherCells } from './sync-helpers';

/**
 * Issue 3, item 6: on the desktop client the header shows this computer's sync, and the panel lists the user's
 * changes that the server found in conflict, with both values, in the user's language, to be decided there.
 */
const VALUES = { kk: { theirs: 3, mine: 8 }, ru: { theirs: 4, mine: 9 }, en: { theirs: 2, mine: 7 } } as const;

test.describe('the sync indicator on the central server', () => {
  test('is not there: the web portal has no replica to sync', async ({ page }, info) => {
    test.skip(info.project.name !== 'server', 'the central server only');
    await signIn(page, 'teacher', 'en');
    await expect(page.getByTestId('today-view')).toBeVisible();
    await expect(page.getByTestId('sync-indicator')).toHaveCount(0);
  });
});

test.describe('sync problems on the desktop client', () => {
  test.describe.configure({ mode: 'serial' });

  for (const locale of LOCALES) {
    test(`a conflict is shown in ${locale} with both values and resolved with keep mine`, async ({ page, request }, info) => {
      test.skip(info.project.name !== 'client', 'the desktop client only');
      const { student, cells } = await teacherCells(request);
      const cell = cells[0]!;
      const hosts = { server: await signInAt(request, SERVER, 'teacher'), client: await signInAt(request, CLIENT, 'teacher') };
      const { theirs, mine } = VALUES[locale];
      const problem = await makeConflict(request, hosts, cell, theirs, mine);

      await signIn(page, 'teacher', locale);
      await expect(page.getByTestId('today-view')).toBeVisible();
      const indicator = page.getByTestId('sync-indicator');
      await expect(indicator).toBeVisible();
      await expect(indicator.getByTestId('sync-state')).toHaveText(t(locale, 'sync.online'));
      await expect(indicator.getByTestId('sync-when')).toContainText(t(locale, 'sync.lastSync', { when: '' }).trim());
      await expect(indicator.getByTestId('sync-problems-count')).toContainText(t(locale, 'sync.problemsCount', { n: 1 }));

      await indicator.click();
      const panel = page.getByRole('dialog', { name: t(locale, 'sync.title') });
      await expect(panel).toBeVisible();
      await expect(panel.getByRole('heading', { name: t(locale, 'sync.problemsTitle') })).toBeVisible();
      const card = panel.getByTestId('sync-problem').filter({ has: page.getByTestId('sync-mine').getByText(String(mine), { exact: true }) });
      await expect(card).toHaveCount(1);
      await expect(card).toContainText(t(locale, 'sync.outcome.conflict'));
      await expect(card).toContainText(t(locale, 'sync.op.journal.setMark'));
      await expect(card.getByTestId('sync-theirs')).toHaveText(String(theirs));
      await expect(card).toContainText(t(locale, 'sync.mine'));
      await expect(card).toContainText(t(locale, 'sync.theirs'));
      await expect(card.getByTestId('sync-lesson')).toContainText(cell.lesson.subject.name[locale]);
      await expect(card.getByTestId('sync-lesson')).toContainText(t(locale, 'children.class', { name: cell.lesson.class.name }));
      await expect(card.getByTestId('sync-lesson')).toContainText(t(locale, 'lesson.period', { n: cell.lesson.period }));
      await expect(card.getByTestId('sync-pupil')).toHaveText(fullName(student));
      await expect(card.getByTestId('sync-reason')).toHaveText(t(locale, problem.reason.messageKey, problem.reason.params));
      await expect(card.getByRole('button', { name: t(locale, 'sync.takeTheirs') })).toBeVisible();

      await card.getByRole('button', { name: t(locale, 'sync.keepMine') }).click();
      await expect(card).toHaveCount(0);
      await expect(panel.getByTestId('sync-done')).toHaveText(t(locale, 'sync.done.keepMine'));
      await expect(panel.getByText(t(locale, 'sync.noProblems'))).toBeVisible();
      // The teacher's value reaches the central server with the next version.
      await expect.poll(async () => (await markOnServer(request, hosts.server, cell)).value, { timeout: 20_000 }).toBe(String(mine));
      await expect(indicator.getByTestId('sync-problems-count')).toHaveCount(0);

      await page.keyboard.press('Escape');
      await expect(panel).toBeHidden();
      await expect(indicator).toBeFocused();
    });
  }

  test('the panel opens and closes from the keyboard and lists nothing when nothing needs a decision', async ({ page }, info) => {
    test.skip(info.project.name !== 'client', 'the desktop client only');
    await signIn(page, 'director', 'ru');
    await expect(page.getByTestId('overview-view')).toBeVisible();
    const indicator = page.getByTestId('sync-indicator');
    await expect(indicator).toContainText(t('ru', 'sync.online'));
    await indicator.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: t('ru', 'sync.title') });
    await expect(panel).toBeVisible();
    await expect(panel.getByText(t('ru', 'sync.noProblems'))).toBeVisible();
    await expect(panel.getByTestId('sync-panel-pending')).toHaveText(/^\d+$/);
    // The panel's title takes the focus (a screen reader reads it first); the close button is next.
    await expect(panel.getByRole('heading', { name: t('ru', 'sync.title') })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('button', { name: t('ru', 'sync.close') })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(panel).toBeHidden();
    await expect(indicator).toBeFocused();

    // On a board: a tap on the dimmed page beside the drawer closes it too.
    await indicator.click();
    await expect(panel).toBeVisible();
    await page.mouse.click(40, 400);
    await expect(panel).toBeHidden();
  });
});

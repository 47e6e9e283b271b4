import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import type { SyncProblem, SyncState } from '../../src-core/contract/schemas';
import type { Locale } from '../../src-core/i18n';
import { LOCALES, signIn, t } from './helpers';
import { CLIENT, makeConflict, SERVER, signInAt, teacherCells } from './sync-helpers';

/**
 * The desktop client's sync at a board's and a laptop's size, in each language (SABAQ_SCREENS=1, project
 * screens-client): test-results/screens/<size>-<locale>-2x-client-*.png. A real conflict; a refused change is
 * added to the status the page receives, since no demo account can make the server refuse one.
 */
const dir = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
mkdirSync(dir, { recursive: true });
const SIZES = [{ name: '1920', width: 1920, height: 1080 }, { name: '1366', width: 1366, height: 768 }];

async function shot(page: Page, size: string, locale: Locale, name: string) {
  await page.screenshot({ path: `${dir}${size}-${locale}-${name}.png` });
}

function refusedLike(conflict: SyncProblem): SyncProblem {
  return {
    ...conflict, mutationId: '01900000-0000-7000-8000-00000000e2e6', operation: 'attendance.mark', outcome: 'rejected',
    mine: 'б', theirs: null, reason: { messageKey: 'error.attendance_code_unknown', params: { code: 'б' } },
  };
}

test.describe.configure({ mode: 'serial' });

let round = 0;
for (const size of SIZES) {
  for (const locale of LOCALES) {
    test(`client sync screens ${size.name} ${locale}`, async ({ page, request }) => {
      test.setTimeout(120_000);
      round += 1;
      const { cells } = await teacherCells(request);
      const cell = cells[1]!;
      const hosts = { server: await signInAt(request, SERVER, 'teacher'), client: await signInAt(request, CLIENT, 'teacher') };
      const conflict = await makeConflict(request, hosts, cell, 2 + (round % 4), 6 + (round % 4));

      await page.route('**/api/sync.status', async (route) => {
        try {
          const res = await route.fetch();
          const body = (await res.json()) as { ok: boolean; result?: SyncState };
          if (body.result) body.result = { ...body.result, pending: 2, problems: [...body.result.problems, refusedLike(conflict)] };
          await route.fulfill({ response: res, json: body });
        } catch {
          // The page went on (a reload, the end of the test) while the status was on its way.
        }
      });
      await page.setViewportSize({ width: size.width, height: size.height });
      await signIn(page, 'teacher', locale);
      await expect(page.getByTestId('lesson').first()).toBeVisible();
      const indicator = page.getByTestId('sync-indicator');
      await expect(indicator.getByTestId('sync-problems-count')).toBeVisible();
      await expect(indicator.getByTestId('sync-pending')).toHaveText(t(locale, 'sync.pending', { n: 2 }));
      await shot(page, size.name, locale, '20-client-sync-header');

      await indicator.click();
      const panel = page.getByRole('dialog', { name: t(locale, 'sync.title') });
      await expect(panel.getByTestId('sync-problem')).toHaveCount(2);
      await expect(panel.getByTestId('sync-theirs').first()).not.toHaveText('');
      await shot(page, size.name, locale, '21-client-sync-panel');
      await panel.getByTestId('sync-problem').filter({ hasText: t(locale, 'sync.outcome.conflict') })
        .getByRole('button', { name: t(locale, 'sync.keepMine') }).click();
      await expect(panel.getByTestId('sync-done')).toHaveText(t(locale, 'sync.done.keepMine'));
      await expect(panel.getByTestId('sync-problem')).toHaveCount(1);
      await shot(page, size.name, locale, '22-client-sync-decided');
      await page.keyboard.press('Escape');
      await expect(panel).toBeHidden();

      await page.unrouteAll({ behavior: 'ignoreErrors' });
      await page.route('**/health', (route) => route.fulfill({ json: { ok: true, role: 'client', offline: true } }));
      await page.reload();
      await expect(page.getByTestId('lesson').first()).toBeVisible();
      await expect(indicator.getByTestId('sync-state')).toHaveText(t(locale, 'health.offline'));
      await shot(page, size.name, locale, '23-client-sync-offline');
    });
  }
}

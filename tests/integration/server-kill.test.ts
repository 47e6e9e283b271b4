import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src-core/auth/passwords';
import { openDatabase } from '../../src-core/db/open';
import { markId } from '../../src-core/journal/ids';
import { clockFrom } from '../../src-core/util/clock';
import { startClientApp } from '../../src-main/app/client-app';
import type { ClientApp } from '../../src-main/app/types';
import { buildTwoSchools, seedAttendanceCodes } from '../helpers/factories';

const PORT = 18000 + Math.floor(Math.random() * 900);
const URL_ = `http://127.0.0.1:${PORT}`;

function startServerProcess(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'error', SABAQ_CLOCK: '2026-11-23T09:00:00+05:00', SABAQ_SIGNIN_PER_MINUTE: '1000' },
    stdio: 'ignore',
  });
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error('the server exited'));
      if (await fetch(`${URL_}/health`).then((r) => r.ok, () => false)) return resolve(child);
      if (Date.now() - started > 30_000) return reject(new Error('the server did not start'));
      setTimeout(poll, 50);
    };
    void poll();
  });
}

describe('the real server process killed with SIGKILL while devices push', () => {
  const dirs: string[] = [];
  const clients: ClientApp[] = [];
  let server: ChildProcess | null = null;
  afterAll(async () => {
    server?.kill('SIGKILL');
    for (const c of clients) await c.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('loses nothing and applies nothing twice', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sabaq-kill-'));
    dirs.push(dataDir);
    const db = await openDatabase({ kind: 'sqlite', filename: path.join(dataDir, 'sabaq-server.sqlite') }, 'server');
    const schools = await buildTwoSchools(db, await hashPassword('password'), '2026-11-23');
    for (const s of schools) await seedAttendanceCodes(db, s.school.id);
    await db.destroy();
    server = await startServerProcess(dataDir);

    const clock = clockFrom('2026-11-23T09:00:00+05:00');
    const devices: { client: ClientApp; session: string; school: (typeof schools)[number] }[] = [];
    for (const [i, login] of ['teacher', 's2.teacher'].entries()) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'sabaq-kill-client-'));
      dirs.push(dir);
      const client = await startClientApp({ dataDir: dir, serverUrl: URL_, clock });
      clients.push(client);
      const signed = await client.signIn(login, 'password');
      if (!signed.ok) throw new Error(`sign-in of ${login} failed`);
      devices.push({ client, session: signed.sessionId, school: schools[i]! });
    }

    // Each device writes 40 changes and pushes as it goes; the server is killed in the middle and started again.
    const written = async (d: (typeof devices)[number], offset: number) => {
      const codes = ['ж', 'д', 'а', 'к', null];
      for (let n = 0; n < 40; n++) {
        const cell = { lessonId: d.school.lesson.id, studentId: d.school.pupil.id };
        await d.client.call(d.session, 'attendance.mark', { ...cell, code: codes[(n + offset) % codes.length] });
        void d.client.syncNow();
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const writing = Promise.all(devices.map((d, i) => written(d, i)));
    const watch = await openDatabase({ kind: 'sqlite', filename: path.join(dataDir, 'sabaq-server.sqlite') }, 'server');
    while (Number((await watch('applied_mutations').count({ n: '*' }).first())?.n ?? 0) < 3) await new Promise((r) => setTimeout(r, 5));
    await watch.destroy();
    server.kill('SIGKILL');
    await writing;
    // The kill came in the middle: some changes had reached the server, not all.
    const between = await openDatabase({ kind: 'sqlite', filename: path.join(dataDir, 'sabaq-server.sqlite') }, 'server');
    const reached = Number((await between('applied_mutations').count({ n: '*' }).first())?.n ?? 0);
    await between.destroy();
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThan(80);
    server = await startServerProcess(dataDir);
    for (let round = 0; round < 5; round++) for (const d of devices) await d.client.syncNow();

    const check = await openDatabase({ kind: 'sqlite', filename: path.join(dataDir, 'sabaq-server.sqlite') }, 'server');
    try {
      for (const d of devices) {
        expect(await d.client.outboxStatus()).toEqual({ pending: 0, rejected: 0, conflicts: 0 });
        const applied = await check('applied_mutations').where({ school_id: d.school.school.id }).orderBy('device_seq');
        expect(applied.map((a) => Number(a.device_seq))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
        const row = await check('attendance').where({ lesson_id: d.school.lesson.id, student_id: d.school.pupil.id });
        expect(row).toHaveLength(1);
        expect(Number(row[0].row_version)).toBe(40);
        expect(await check('change_log').where({ school_id: d.school.school.id })).toHaveLength(40);
      }
      expect(await check('marks').where({ id: markId(schools[0]!.lesson.id, schools[0]!.pupil.id, 'fo') })).toHaveLength(0);
    } finally {
      await check.destroy();
    }
  }, 120_000);
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-core/db/open';
import { serverEpoch } from '../../src-server/meta';
import { buildSchool } from '../helpers/factories';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sabaq-backup-'));
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/server-backup.ts', ...args], {
  env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' }, encoding: 'utf8', timeout: 60_000,
});
const database = () => openDatabase({ kind: 'sqlite', filename: path.join(dir, 'sabaq-server.sqlite') }, 'server');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run server:backup and server:restore', () => {
  it('writes a gzip backup, and a restore brings the rows back under a new epoch', async () => {
    let db = await database();
    await buildSchool(db, 'Backed up');
    const before = await serverEpoch(db);
    await db.destroy();
    const file = path.join(dir, 'nightly.json.gz');
    const taken = run('--out', file);
    expect(taken.status, taken.stderr).toBe(0);
    expect(taken.stdout).toMatch(/^backup: \d+ rows of \d+ tables written to /);
    expect(statSync(file).size).toBeGreaterThan(100);

    db = await database();
    await db('holidays').delete();
    await buildSchool(db, 'After the backup');
    await db.destroy();
    const restored = run('--from', file);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/new epoch [0-9a-f-]{36}/);

    db = await database();
    try {
      expect(await db('schools').pluck('name_en')).toEqual(['Backed up']);
      expect(await db('holidays').count({ n: '*' }).first()).toEqual({ n: 1 });
      expect(await serverEpoch(db)).not.toBe(before);
    } finally {
      await db.destroy();
    }
  });

  it('refuses a file that is not a backup, and says how to use it', () => {
    expect(run('--from', path.join(dir, 'missing.gz')).status).toBe(1);
    const usage = run();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage: server-backup --out <file> \| --from <file>/);
  });
});

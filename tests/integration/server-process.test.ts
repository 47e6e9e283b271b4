import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the server process', () => {
  it('exits non-zero with one clear line when DATABASE_URL cannot be reached', () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], {
      env: { ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere', PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.status).toBe(1);
    const lines = res.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sabaq-server: cannot start: the database in DATABASE_URL cannot be reached \(ECONNREFUSED/);
  });
});

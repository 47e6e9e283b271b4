import { describe, expect, it } from 'vitest';
import { DEMO_TABLES, generateSchool } from '../../../src-core/demo/index';
import { datasetHash, options, rows, school } from './fixtures';

describe('demo generator: determinism', () => {
  it('gives byte-identical datasets for the same options', () => {
    const a = generateSchool(options(), 0);
    const b = generateSchool(options(), 0);
    expect(datasetHash(a)).toBe(datasetHash(b));
    // The number of schools to seed does not change school 1.
    expect(datasetHash(generateSchool(options({ schools: 3 }), 0))).toBe(datasetHash(a));
  });

  it('differs for another seed, and between schools of one seed', () => {
    const a = school();
    const otherSeed = school({ seed: 96 });
    expect(datasetHash(otherSeed)).not.toBe(datasetHash(a));
    expect(rows(otherSeed, 'people')[10]?.last_name === rows(a, 'people')[10]?.last_name && rows(otherSeed, 'people')[11]?.first_name === rows(a, 'people')[11]?.first_name).toBe(false);
    const second = school({}, 1);
    const ids = new Set(DEMO_TABLES.flatMap((t) => rows(a, t).map((r) => r.id)));
    expect(DEMO_TABLES.flatMap((t) => rows(second, t)).some((r) => ids.has(r.id))).toBe(false);
  });

  it('fills the sync columns: one school, row_version 1, last_seq 1, 2, 3 … in table order, fixed timestamps', () => {
    const ds = school();
    const schoolId = rows(ds, 'schools')[0]?.id;
    let seq = 0;
    const stamps = new Set<unknown>();
    const wrong: string[] = [];
    for (const t of DEMO_TABLES) {
      for (const r of rows(ds, t)) {
        seq++;
        if (r.school_id !== schoolId || r.row_version !== 1 || r.last_seq !== seq || r.created_at !== r.updated_at || r.created_by !== null || r.updated_by !== null) {
          wrong.push(`${t} ${String(r.id)}`);
        }
        stamps.add(r.created_at);
      }
    }
    expect(wrong).toEqual([]);
    expect([...stamps]).toEqual(['2026-05-15T04:00:00.000Z']);
    const allIds = DEMO_TABLES.flatMap((t) => rows(ds, t).map((r) => r.id));
    expect(new Set(allIds).size).toBe(allIds.length);
    for (const id of allIds.slice(0, 50)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

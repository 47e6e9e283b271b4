import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { markId } from '../../../src-core/journal/ids';
import { bucketChecksums, rowHash } from '../../../src-core/sync/checksums';
import { decodeRows, encodeRows } from '../../../src-core/sync/compact';

const uuid = fc.uuid({ version: 4 });
const markRow = fc.record({
  lesson: fc.constantFrom('0b8f7a52-8a3c-4d0e-9a35-1c2d3e4f5a6b', '1c9e8b63-9b4d-4e1f-8b46-2d3e4f5a6b7c'),
  student: uuid,
  value: fc.option(fc.integer({ min: 1, max: 10 })),
  version: fc.integer({ min: 1, max: 50 }),
  at: fc.date({ min: new Date('2025-09-01T00:00:00Z'), max: new Date('2026-05-25T00:00:00Z'), noInvalidDate: true }),
  by: fc.constantFrom('2d0f9c74-0c5e-4f20-9c57-3e4f5a6b7c8d', null),
}).map((r) => ({
  id: markId(r.lesson, r.student, 'fo'), school_id: '3e1a0d85-1d6f-4a31-8d68-4f5a6b7c8d9e', lesson_id: r.lesson, student_id: r.student, kind: 'fo',
  value: r.value, row_version: r.version, created_at: r.at.toISOString(), updated_at: r.at.toISOString(), updated_by: r.by, deleted_at: null,
}));

describe('the compact snapshot encoding', () => {
  it('gives back exactly the rows it was given, ids derived from the cell', () => {
    fc.assert(fc.property(fc.array(markRow, { maxLength: 60 }), (rows) => {
      const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
      const wire = JSON.parse(JSON.stringify(encodeRows('marks', unique)));
      expect(decodeRows(wire)).toEqual(unique);
    }));
  });

  it('keeps ids it cannot derive, and columns of any kind', () => {
    const rows = [
      { id: 'a', n: 1, s: 'x', t: '2026-01-01T00:00:00.000Z', f: true },
      { id: 'b', n: 2, s: 'x', t: null, f: false },
    ];
    expect(decodeRows(JSON.parse(JSON.stringify(encodeRows('lessons', rows))))).toEqual(rows);
    expect(decodeRows(encodeRows('marks', []))).toEqual([]);
  });

  it('sends a class journal in a few bytes a row', () => {
    const lessons = Array.from({ length: 40 }, (_, i) => `0b8f7a52-8a3c-4d0e-9a35-${String(i).padStart(12, '0')}`);
    const pupils = Array.from({ length: 25 }, (_, i) => `5a6b7c8d-1e2f-4a3b-8c4d-${String(i).padStart(12, '0')}`);
    const rows = lessons.flatMap((l, i) => pupils.map((p, j) => ({
      id: markId(l, p, 'fo'), school_id: '3e1a0d85-1d6f-4a31-8d68-4f5a6b7c8d9e', lesson_id: l, student_id: p, kind: 'fo',
      value: 1 + ((i * 7 + j * 3) % 10), row_version: 1, created_at: new Date(Date.UTC(2026, 8, 1 + i, 9, 0, j)).toISOString(),
      updated_at: new Date(Date.UTC(2026, 8, 1 + i, 9, 0, j)).toISOString(), updated_by: '2d0f9c74-0c5e-4f20-9c57-3e4f5a6b7c8d', deleted_at: null,
    })));
    const compact = gzipSync(JSON.stringify(encodeRows('marks', rows))).length / rows.length;
    const plain = gzipSync(JSON.stringify(rows)).length / rows.length;
    expect(compact).toBeLessThan(plain / 4);
  });
});

describe('bucket checksums', () => {
  const row = (id: string, v: number, student = 's1', klass: string | null = 'c1') => ({ table: 'marks', id, row_version: v, student_id: student, class_id: klass });
  it('do not depend on the order rows come in, and see a lost row or a stuck version', () => {
    const rows = [row('a', 1), row('b', 2), row('c', 1, 's2')];
    const sums = bucketChecksums(rows, ['class:c1:journal', 'student:s1', 'class:c1']);
    expect(bucketChecksums([...rows].reverse(), ['class:c1:journal', 'student:s1'])).toEqual(sums);
    expect(Object.keys(sums).sort()).toEqual(['class:c1:journal', 'student:s1']);
    expect(bucketChecksums(rows.slice(1), ['class:c1:journal'])['class:c1:journal']).not.toBe(sums['class:c1:journal']);
    expect(bucketChecksums([row('a', 2), row('b', 2), row('c', 1, 's2')], ['student:s1'])['student:s1']).not.toBe(sums['student:s1']);
    expect(bucketChecksums([], ['student:s9'])).toEqual({ 'student:s9': 0 });
    expect(rowHash('marks', 'a', 1)).toBe(rowHash('marks', 'a', 1));
  });
});

/**
 * Per-bucket checksums: the sum, modulo 2^32, of a hash of each journal row's table, id and version. A sum, so
 * that the order rows arrive in does not matter; the server and a device compare them after a pull, and a
 * bucket whose sums differ (a row lost, a version stuck) is read again whole.
 */
export function rowHash(table: string, id: string, rowVersion: number): number {
  // FNV-1a, 32 bits.
  let h = 0x811c9dc5;
  const s = `${table}:${id}:${rowVersion}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export interface JournalRowRef { table: string; id: string; row_version: number | string; student_id: string; class_id: string | null }

/** The journal buckets a row belongs to. */
export function bucketsOfRow(r: { student_id: string; class_id: string | null }): string[] {
  return r.class_id ? [`student:${r.student_id}`, `class:${r.class_id}:journal`] : [`student:${r.student_id}`];
}

/** Checksums of the given buckets over the rows (rows of other buckets are ignored; an empty bucket sums to 0). */
export function bucketChecksums(rows: Iterable<JournalRowRef>, buckets: Iterable<string>): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const b of buckets) if (isJournalBucket(b)) sums[b] = 0;
  for (const r of rows) {
    const h = rowHash(r.table, r.id, Number(r.row_version));
    for (const b of bucketsOfRow(r)) if (b in sums) sums[b] = (sums[b]! + h) >>> 0;
  }
  return sums;
}

export const isJournalBucket = (b: string) => b.startsWith('student:') || b.endsWith(':journal');

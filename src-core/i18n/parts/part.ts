/**
 * A part of the message catalogs, kept beside the others by area (the journal, the diary, reports): Kazakh is the
 * reference, and Russian and English must hold exactly its keys (the type says so).
 */
export function part<K extends string>(kk: Record<K, string>, ru: Record<K, string>, en: Record<K, string>) {
  return { kk, ru, en };
}

import { readFile } from 'node:fs/promises';
import { openPackage, type HtmlPackage } from '../../src-core/resources/package';
import { DEFAULT_FILE_LIMITS, MB } from '../../src-core/resources/sniff';

/**
 * HTML5 packages kept open in memory while a class uses them: a package page loads its scripts, pictures and
 * sounds one request each, and the zip is read from disk once, not once per file. The least recently used package
 * leaves first when the packages held pass the budget.
 */
export class OpenPackages {
  private readonly open = new Map<string, { pkg: Promise<HtmlPackage>; bytes: number }>();

  constructor(private readonly budgetBytes = 256 * MB) {}

  async get(sha256: string, filePath: string, size: number, maxBytes: number): Promise<HtmlPackage> {
    const held = this.open.get(sha256);
    if (held) {
      this.open.delete(sha256);
      this.open.set(sha256, held);
      return held.pkg;
    }
    const pkg = readFile(filePath).then((bytes) => openPackage(bytes, { ...DEFAULT_FILE_LIMITS, maxBytes: Math.max(maxBytes, size) }));
    this.open.set(sha256, { pkg, bytes: size });
    pkg.catch(() => this.open.delete(sha256));
    this.evict(sha256);
    return pkg;
  }

  private evict(keep: string): void {
    let total = [...this.open.values()].reduce((n, p) => n + p.bytes, 0);
    for (const [sha, p] of this.open) {
      if (total <= this.budgetBytes) break;
      if (sha === keep) continue;
      this.open.delete(sha);
      total -= p.bytes;
    }
  }
}

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { locationFromEnv, openDatabase } from '../src-core/db/open';
import { restoreBackup, takeBackup, type Backup } from '../src-server/backup';
import { REPO_ROOT } from '../src-server/server';

/**
 * `npm run server:backup -- --out <file>` and `npm run server:restore -- --from <file>`: a gzip'd logical backup of
 * the central server's database (DATABASE_URL, or the SQLite file under DATA_DIR), and its restore. Stop the server
 * before a restore: on its next start it serves the new epoch, and the desktop clients send again what it forgot.
 */
function arg(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : null;
}

const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(REPO_ROOT, 'data'));
const db = await openDatabase(locationFromEnv(process.env, path.join(dataDir, 'sabaq-server.sqlite')), 'server');
try {
  const out = arg('out');
  const from = arg('from');
  if (out) {
    const backup = await takeBackup(db, new Date());
    writeFileSync(out, gzipSync(JSON.stringify(backup)));
    const rows = Object.values(backup.tables).reduce((n, t) => n + t.length, 0);
    process.stdout.write(`backup: ${rows} rows of ${Object.keys(backup.tables).length} tables written to ${out}\n`);
  } else if (from) {
    const backup = JSON.parse(gunzipSync(readFileSync(from)).toString('utf8')) as Backup;
    const epoch = await restoreBackup(db, backup, new Date());
    process.stdout.write(`restore: the server now holds the backup of ${backup.takenAt}; new epoch ${epoch}\n`);
  } else {
    process.stderr.write('usage: server-backup --out <file> | --from <file>\n');
    process.exitCode = 2;
  }
} catch (err) {
  process.stderr.write(`server-backup: ${(err as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}

/**
 * Seeds demo schools into a database.
 *   tsx scripts/demo.ts --pupils 1000 --schools 2 --seed 95 --db data/demo.sqlite [--today 2026-11-23] [--journal [--journal-until 2026-11-20]]
 * `--journal` also writes the year's marks and attendance (src-core/demo/journal.ts), up to `--journal-until` when given.
 * PostgreSQL instead of SQLite when DATABASE_URL is set. The demo password is hashed once (argon2id) and put on
 * every demo user (src-core/auth/passwords: @node-rs/argon2, algorithm 2 = Argon2id). `today` defaults to SABAQ_CLOCK's date, else today's date in the school's time zone.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { hashPassword } from '../src-core/auth/passwords';
import { locationFromEnv, openDatabase } from '../src-core/db/open';
import { clockFrom, dateIn } from '../src-core/util/clock';
import { DEMO_DEFAULTS, DEMO_PASSWORD, seedDemo, seedDemoJournal } from '../src-core/demo/index';

const { values } = parseArgs({
  options: {
    pupils: { type: 'string', default: String(DEMO_DEFAULTS.pupils) },
    schools: { type: 'string', default: String(DEMO_DEFAULTS.schools) },
    seed: { type: 'string', default: String(DEMO_DEFAULTS.seed) },
    db: { type: 'string', default: 'data/demo.sqlite' },
    today: { type: 'string' },
    journal: { type: 'boolean', default: false },
    'journal-until': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('usage: tsx scripts/demo.ts [--pupils 550] [--schools 1] [--seed 95] [--db data/demo.sqlite] [--today YYYY-MM-DD] [--journal [--journal-until YYYY-MM-DD]]');
  process.exit(0);
}

const int = (name: string, v: string | undefined): number => {
  const n = Number(v);
  if (!Number.isInteger(n)) {
    console.error(`--${name} must be an integer, got ${v}`);
    process.exit(2);
  }
  return n;
};

async function main(): Promise<void> {
  const today = values.today ?? dateIn('Asia/Qyzylorda', clockFrom(process.env.SABAQ_CLOCK).now());
  const location = locationFromEnv(process.env, values.db as string);
  if (location.kind === 'sqlite' && location.filename !== ':memory:') mkdirSync(dirname(location.filename), { recursive: true });

  const started = performance.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD); // argon2id, once for every demo user
  const db = await openDatabase(location, 'server');
  try {
    const seed = int('seed', values.seed);
    const summary = await seedDemo(db, { seed, pupils: int('pupils', values.pupils), schools: int('schools', values.schools), today, passwordHash });
    const journal = values.journal ? await seedDemoJournal(db, { seed, until: values['journal-until'] }) : [];
    const where = location.kind === 'sqlite' ? location.filename : 'PostgreSQL (DATABASE_URL)';
    console.log(`Demo data for the academic year containing ${today} → ${where}`);
    console.table(summary.schools.map((s) => ({ school: s.name, pupils: s.pupils, classes: s.classes, teachers: s.teachers, lessons: s.lessons })));
    if (values.journal) console.table(journal.map((j) => ({ school: j.schoolId, lessons: j.lessons, marks: j.marks, attendance: j.attendance, written: j.written })));
    console.table(summary.accounts.map((a) => ({ login: a.login, roles: a.roles.join(', '), name: a.fullName })));
    console.log(`Password of every demo user: ${summary.password}`);
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

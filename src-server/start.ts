import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { hashPassword } from '../src-core/auth/passwords';
import { DEMO_PASSWORD, seedDemo, seedDemoJournal, type DemoSummary } from '../src-core/demo/index';
import { locationFromEnv, openDatabase, type DatabaseLocation } from '../src-core/db/open';
import { addDays, clockFrom, dateIn } from '../src-core/util/clock';
import { authPolicyFromEnv } from './auth/policy';
import { fileStoreSettingsFromEnv } from './files/store';
import { buildServer, REPO_ROOT } from './server';

export interface StartOptions {
  env: Record<string, string | undefined>;
  /** Seed the demo school when the database holds no school yet. */
  demo?: boolean;
  logger?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  db: Knex;
  url: string;
  demo: DemoSummary | null;
  location: DatabaseLocation;
  close(): Promise<void>;
}

/** Opens (and migrates) the database, seeds the demo school on first run if asked, and listens. */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const env = opts.env;
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(REPO_ROOT, 'data'));
  mkdirSync(dataDir, { recursive: true });
  const location = locationFromEnv(env, path.join(dataDir, 'sabaq-server.sqlite'));
  const db = await openDatabase(location, 'server');
  try {
    const clock = clockFrom(env.SABAQ_CLOCK);
    const demo = opts.demo ? await seedDemoIfEmpty(db, env, clock.now()) : null;
    const app = await buildServer({
      db,
      clock,
      authPolicy: authPolicyFromEnv(env),
      secret: env.SABAQ_SECRET,
      rendererDir: env.SABAQ_RENDERER_DIR ? path.resolve(env.SABAQ_RENDERER_DIR) : undefined,
      updatesDir: path.resolve(env.SABAQ_UPDATES_DIR ?? path.join(dataDir, 'updates')),
      files: fileStoreSettingsFromEnv(env, dataDir),
      logger: opts.logger === false ? false : {
        level: env.LOG_LEVEL ?? 'info',
        redact: ['req.headers.authorization', 'req.body.password', 'req.body.refreshToken'],
      },
    });
    const url = await app.listen({ port: Number(env.PORT ?? 8080), host: env.HOST ?? '127.0.0.1' });
    return { app, db, url, demo, location, close: async () => { await app.close(); await db.destroy(); } };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}

async function seedDemoIfEmpty(db: Knex, env: Record<string, string | undefined>, now: Date): Promise<DemoSummary | null> {
  const existing = await db('schools').count({ n: '*' }).first();
  if (Number(existing?.n ?? 0) > 0) return null;
  const today = dateIn('Asia/Qyzylorda', now);
  const seed = Number(env.SABAQ_DEMO_SEED ?? 95);
  const summary = await seedDemo(db, {
    seed,
    pupils: Number(env.SABAQ_DEMO_PUPILS ?? 550),
    schools: Number(env.SABAQ_DEMO_SCHOOLS ?? 1),
    today,
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  // SABAQ_DEMO_JOURNAL=1: the journal filled up to yesterday, as a school's would be on a morning of the year.
  if (env.SABAQ_DEMO_JOURNAL === '1') await seedDemoJournal(db, { seed, until: addDays(today, -1) });
  return summary;
}

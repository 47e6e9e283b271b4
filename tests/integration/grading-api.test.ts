import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-core/db/open';
import { clockFrom } from '../../src-core/util/clock';
import { buildServer } from '../../src-server/server';
import { freshSqlite, type TestDatabase } from '../helpers/databases';

// grading.termMark reads and writes no rows, so one engine is enough: what is tested is the route, the contract
// (access, input, output) and the translated errors, which do not depend on the database.
describe('POST /api/grading.termMark on the central server', () => {
  let tdb: TestDatabase;
  let db: Knex;
  let app: FastifyInstance;

  const post = (payload: unknown, lang = 'en') =>
    app.inject({ method: 'POST', url: '/api/grading.termMark', payload: payload as object, headers: { 'accept-language': lang } });

  /** ФО 8 → 20 %, СОР 15/20 → 18.75 %, СОЧ 20/25 → 40 %: 78.75 → 78.8 % → 4. */
  const example = { assessment: 'marked', period: 'term', fo: [7, 9, 8], sor: [{ score: 15, max: 20 }], soch: { score: 20, max: 25 } };

  beforeAll(async () => {
    tdb = freshSqlite();
    db = await openDatabase(tdb.location, 'server');
    app = await buildServer({ db, clock: clockFrom('2026-11-23T09:00:00+05:00') });
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    await tdb?.drop();
  });

  it('answers without a token: the mark, the percent and the СОЧ needed for each higher mark', async () => {
    const res = await post({ marks: example });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      ok: true,
      result: { percent: 78.8, mark: 4, pass: null, reason: 'ok', needed: [{ mark: 4, sochScore: 14 }, { mark: 5, sochScore: 24 }] },
    });
  });

  it('takes settings over the defaults: a missing СОР counted as 0 %, a lower pass threshold', async () => {
    const noSor = { ...example, fo: [6], sor: [], soch: { score: 24, max: 25 } };
    expect((await post({ marks: noSor })).json().result).toMatchObject({ percent: 84, mark: 4 }); // (15 + 48) / 0.75
    expect((await post({ marks: noSor, settings: { missingComponent: 'zero' } })).json().result).toMatchObject({ percent: 63, mark: 3 });
    const music = { assessment: 'passFail', period: 'term', fo: [3, 5, 3], sor: [], soch: null }; // 36.7 %
    expect((await post({ marks: music })).json().result).toMatchObject({ pass: false });
    expect((await post({ marks: music, settings: { passPercent: 35 } })).json().result).toMatchObject({ pass: true });
  });

  it('is described as public in the OpenAPI document', async () => {
    const doc = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, { post: { security?: unknown[] } }> };
    expect(doc.paths['/api/grading.termMark']?.post.security).toEqual([]);
  });

  it('refuses a ФО above 10 with 400, naming that field and nothing else, translated', async () => {
    const res = await post({ marks: { ...example, fo: [7, 11, 8] } }, 'ru');
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error).toMatchObject({ code: 'invalid_input', message: 'Неверные данные' });
    expect(error.fields).toEqual([{ path: 'marks.fo.1', messageKey: 'field.too_big', params: { max: 10 }, message: 'Слишком длинно или много (максимум 10)' }]);
  });

  it('refuses a СОР score above its maximum, naming the score and its maximum', async () => {
    const res = await post({ marks: { ...example, sor: [{ score: 21, max: 20 }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'marks.sor.0.score', messageKey: 'field.too_big', params: { max: 20 }, message: 'Too long or too large (at most 20)' }]);
  });

  it('refuses settings that cannot work and settings it does not know, naming them', async () => {
    const weights = await post({ marks: example, settings: { weights: { fo: 0.5, sor: 0.5, soch: 0.5 } } });
    expect(weights.statusCode).toBe(400);
    expect(weights.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['settings.weights']);
    const unknown = await post({ marks: example, settings: { foMax: 20 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toMatchObject([{ path: 'settings', messageKey: 'field.unrecognized_keys', params: { keys: 'foMax' } }]);
  });
});

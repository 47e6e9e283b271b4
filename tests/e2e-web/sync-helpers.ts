import { expect, type APIRequestContext } from '@playwright/test';
import type { InputOf, OperationName, OutputOf } from '../../src-core/contract/operations';
import type { LessonView, SyncProblem } from '../../src-core/contract/schemas';
import { PASSWORD } from './helpers';

/** The two hosts of the e2e run (playwright.config.ts): the central server and the desktop client in browser mode. */
export const SERVER = 'http://127.0.0.1:18080';
export const CLIENT = 'http://127.0.0.1:18081';

export interface Host {
  base: string;
  token: string;
}

/** Signs a user in on one host over HTTP (the client host answers with its local session as the bearer). */
export async function signInAt(request: APIRequestContext, base: string, login: string): Promise<Host> {
  const res = await request.post(`${base}/auth/sign-in`, { data: { login, password: PASSWORD, deviceId: '00000000-0000-4000-8000-00000000e2e5' } });
  expect(res.status(), (await res.text()).slice(0, 400)).toBe(200);
  return { base, token: ((await res.json()) as { accessToken: string }).accessToken };
}

export async function callAt<N extends OperationName>(request: APIRequestContext, host: Host, name: N, input: InputOf<N>) {
  const res = await request.post(`${host.base}/api/${name}`, { data: input, headers: { Authorization: `Bearer ${host.token}`, 'Accept-Language': 'en' } });
  const body = (await res.json()) as { ok: true; result: OutputOf<N> } | { ok: false; error: { code: string; params?: Record<string, string | number> } };
  return { status: res.status(), body };
}

export async function resultAt<N extends OperationName>(request: APIRequestContext, host: Host, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const { status, body } = await callAt(request, host, name, input);
  expect(status, JSON.stringify(body).slice(0, 400)).toBe(200);
  return (body as { result: OutputOf<N> }).result;
}

export interface Cell {
  lessonId: string;
  studentId: string;
  lesson: LessonView;
}

/** The demo teacher's lessons with the demo pupil (grade 7) in the week of the e2e clock: cells to write marks in. */
export async function teacherCells(request: APIRequestContext): Promise<{ student: OutputOf<'session.me'>['person']; cells: Cell[] }> {
  const teacher = await resultAt(request, await signInAt(request, SERVER, 'teacher'), 'session.me', {});
  const studentHost = await signInAt(request, SERVER, 'student');
  const student = (await resultAt(request, studentHost, 'session.me', {})).person;
  const cells: Cell[] = [];
  for (const date of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']) {
    const day = await resultAt(request, studentHost, 'timetable.studentDay', { date });
    for (const lesson of day.lessons) {
      if (lesson.teacher.id === teacher.person.id) cells.push({ lessonId: lesson.id, studentId: student.id, lesson });
    }
  }
  expect(cells.length, 'the demo teacher teaches the demo pupil').toBeGreaterThan(1);
  return { student, cells };
}

/** The version of a mark cell on a host and its value there, read from the conflict a stale write gets. */
async function probe(request: APIRequestContext, host: Host, cell: Cell): Promise<{ version: number; value: string }> {
  const { status, body } = await callAt(request, host, 'journal.setMark', { lessonId: cell.lessonId, studentId: cell.studentId, value: 1, baseVersion: 999_999 });
  expect(status, JSON.stringify(body)).toBe(409);
  const params = body.ok ? {} : body.error.params ?? {};
  return { version: Number(params.version), value: String(params.theirs) };
}

export const markOnServer = (request: APIRequestContext, server: Host, cell: Cell) => probe(request, server, cell);

/**
 * A conflict as it happens in a school: somebody writes the mark on the central server while this computer has not
 * pulled it yet, then the teacher writes it here over the version this computer holds. Returns the problem once
 * the client has pushed it and the server has answered "conflict".
 */
export async function makeConflict(request: APIRequestContext, hosts: { server: Host; client: Host }, cell: Cell, theirs: number, mine: number): Promise<SyncProblem> {
  const input = { lessonId: cell.lessonId, studentId: cell.studentId };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const local = await probe(request, hosts.client, cell);
    const central = await probe(request, hosts.server, cell);
    await resultAt(request, hosts.server, 'journal.setMark', { ...input, value: theirs, baseVersion: central.version });
    const written = await callAt(request, hosts.client, 'journal.setMark', { ...input, value: mine, baseVersion: local.version });
    if (written.status === 200) break;
    // The computer pulled the server's mark in between (its version moved on): try again.
    expect(written.status).toBe(409);
  }
  let problem: SyncProblem | undefined;
  await expect.poll(async () => {
    const state = await resultAt(request, hosts.client, 'sync.status', {});
    problem = state.problems.find((p) => p.outcome === 'conflict' && p.mine === String(mine) && p.lesson?.id === cell.lessonId);
    // Listed once pushed; the server's value is there once the pull that follows has brought it.
    return problem?.theirs === String(theirs);
  }, { timeout: 20_000 }).toBe(true);
  return problem!;
}

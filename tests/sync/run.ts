import fc from 'fast-check';
import { actionArb, DEVICE_LOGINS, perform, restoreEverything, syncDevice, type Action } from './actions';
import { checkInvariants, newCheckState, type Checks } from './invariants';
import { makeWorld, NO_FAULTS, type ArmedFaults, type Faults, type World } from './world';

export interface ChaosOptions {
  seed: number;
  steps: number;
  runs: number;
  engine: 'sqlite' | 'postgres';
  /**
   * How long fast-check may shrink a failing run (default 120 s): after that every further candidate passes
   * unrun, so the smallest counterexample found so far is the one reported.
   */
  shrinkSeconds?: number;
}
export interface ChaosReport {
  runs: number;
  /** How often each invariant was checked. */
  checks: Checks;
  /** How often each fault actually happened. */
  faults: Record<string, number>;
  /** The shrunk counterexample and its violations, or null. */
  failure: string | null;
}

/** The random faults of the link while the actions happen (the named ones are actions of their own). */
const LINK_FAULTS: Faults = { dropRequest: 0.15, dropResponse: 0.15, duplicate: 0.1 };

/**
 * Brings the world to rest: no faults (the armed ones wait, and are returned to be armed again after the check),
 * every device syncs until nothing is pending anywhere.
 */
async function quiesce(world: World, final = false): Promise<ArmedFaults> {
  world.faults = { ...NO_FAULTS };
  const armed = await world.disarmAll(final);
  await world.reviveKilled();
  for (let round = 0; round < 4; round++) {
    // A sync already in flight when the faults were disarmed may still have met its armed crash point.
    await world.reviveKilled();
    for (const d of world.devices) await syncDevice(world, d);
  }
  return armed;
}

/** One run: the actions happen under faults, then the world goes quiet and every invariant is checked. */
export async function runOnce(seed: number, engine: ChaosOptions['engine'], actions: Action[], checks: Checks, faults: Record<string, number> = {}): Promise<string[]> {
  const world = await makeWorld(seed, engine);
  try {
    for (const login of DEVICE_LOGINS) world.devices.push(await world.open(login));
    world.faults = { ...LINK_FAULTS };
    const state = newCheckState();
    for (const [i, a] of actions.entries()) {
      await perform(world, a);
      if (i % 10 === 9) {
        const armed = await quiesce(world);
        await checkInvariants(world, state);
        world.faults = { ...LINK_FAULTS };
        await world.rearm(armed);
      }
    }
    // Permissions back and old programs upgraded, so that the last check sees everyone and everything.
    world.faults = { ...NO_FAULTS };
    await world.disarmAll(true);
    await restoreEverything(world);
    await quiesce(world);
    await checkInvariants(world, state);
    await countRefusals(world);
    return world.violations;
  } finally {
    for (const [name, n] of Object.entries(world.checks)) checks[name] = (checks[name] ?? 0) + n;
    for (const [name, n] of Object.entries(world.stats)) faults[name] = (faults[name] ?? 0) + n;
    await world.close();
  }
}

/** What the server refused, by reason: the evidence that the permission faults met queued mutations. */
async function countRefusals(world: World): Promise<void> {
  for (const row of await world.db('applied_mutations').whereNot({ outcome: 'applied' }).select('outcome', 'reply')) {
    const key = (JSON.parse(row.reply) as { error?: { messageKey?: string } }).error?.messageKey ?? '?';
    world.stat(`server outcome: ${row.outcome} (${key})`);
  }
}

/** Property-based: fast-check draws the action lists from the seed and shrinks a failing one to its core. */
export async function runChaos(opts: ChaosOptions): Promise<ChaosReport> {
  const checks: Checks = {};
  const faults: Record<string, number> = {};
  let failure: string | null = null;
  let runs = 0;
  let failedAt: number | null = null;
  let lastViolations: string[] = [];
  let cutShort = false;
  const budgetMs = (opts.shrinkSeconds ?? 120) * 1000;
  try {
    await fc.assert(fc.asyncProperty(fc.array(actionArb, { minLength: Math.ceil(opts.steps / 2), maxLength: opts.steps }), fc.integer({ min: 1, max: 2 ** 30 }), async (actions, worldSeed) => {
      if (failedAt !== null && Date.now() - failedAt > budgetMs) {
        cutShort = true;
        return;
      }
      runs += 1;
      const violations = await runOnce(worldSeed, opts.engine, actions, checks, faults);
      if (violations.length) {
        failedAt ??= Date.now();
        // The last failing run is the counterexample fast-check ends with.
        lastViolations = violations;
        throw new Error(violations.slice(0, 5).join('\n'));
      }
    }), { seed: opts.seed, numRuns: opts.runs, endOnFailure: false });
  } catch (err) {
    const shown = [...new Set(lastViolations)];
    failure = [
      (err as Error).message,
      cutShort ? `(shrinking stopped after ${budgetMs / 1000} s: the counterexample above is the smallest found by then)` : '',
      `Violations of the counterexample (${shown.length}):`,
      ...shown.slice(0, 12).map((v) => `  ${v}`),
    ].filter(Boolean).join('\n');
  }
  return { runs, checks, faults, failure };
}

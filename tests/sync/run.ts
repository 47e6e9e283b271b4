import fc from 'fast-check';
import { actionArb, DEVICE_LOGINS, perform, type Action } from './actions';
import { checkInvariants, type Checks } from './invariants';
import { makeWorld, NO_FAULTS, type World } from './world';

export interface ChaosOptions { seed: number; steps: number; runs: number; engine: 'sqlite' | 'postgres' }
export interface ChaosReport { runs: number; checks: Checks; failure: string | null }

/** Brings the world to rest: no faults, every device syncs until nothing is pending anywhere. */
async function quiesce(world: World): Promise<void> {
  world.faults = { ...NO_FAULTS };
  for (let round = 0; round < 4; round++) {
    for (const d of world.devices) await d.client.syncNow();
  }
}

/** One run: the actions happen under faults, then the world goes quiet and every invariant is checked. */
export async function runOnce(seed: number, engine: ChaosOptions['engine'], actions: Action[], checks: Checks): Promise<string[]> {
  const world = await makeWorld(seed, engine);
  try {
    for (const login of DEVICE_LOGINS) world.devices.push(await world.open(login));
    world.faults = { dropRequest: 0.15, dropResponse: 0.15, duplicate: 0.1 };
    const versions = new Map<string, number>();
    const violations: string[] = [];
    for (const [i, a] of actions.entries()) {
      await perform(world, a);
      if (i % 10 === 9) {
        await quiesce(world);
        violations.push(...await checkInvariants(world, versions, checks));
        world.faults = { dropRequest: 0.15, dropResponse: 0.15, duplicate: 0.1 };
      }
    }
    await world.db('user_roles').update({ deleted_at: null }); // roles back, so that the last check sees everyone
    await quiesce(world);
    violations.push(...await checkInvariants(world, versions, checks));
    return violations;
  } finally {
    await world.close();
  }
}

/** Property-based: fast-check draws the action lists from the seed and shrinks a failing one to its core. */
export async function runChaos(opts: ChaosOptions): Promise<ChaosReport> {
  const checks: Checks = {};
  let failure: string | null = null;
  let runs = 0;
  try {
    await fc.assert(fc.asyncProperty(fc.array(actionArb, { minLength: Math.ceil(opts.steps / 2), maxLength: opts.steps }), fc.integer({ min: 1, max: 2 ** 30 }), async (actions, worldSeed) => {
      runs += 1;
      const violations = await runOnce(worldSeed, opts.engine, actions, checks);
      if (violations.length) throw new Error(violations.slice(0, 5).join('\n'));
    }), { seed: opts.seed, numRuns: opts.runs, endOnFailure: false });
  } catch (err) {
    failure = (err as Error).message;
  }
  return { runs, checks, failure };
}

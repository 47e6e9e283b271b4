import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { compareVersions, isVersion, parseVersion } from './versions';

/**
 * The machine policy: a JSON file the school's system administrator controls (not the teacher, not the app).
 * It names the central server and says whether, from where and when this computer updates itself.
 *
 *   Linux   /etc/sabaq/policy.json
 *   Windows %ProgramData%\Sabaq\policy.json
 *   any     $SABAQ_POLICY_FILE
 *
 * Example: { "serverUrl": "http://192.168.1.10:8080",
 *            "updates": { "channel": "stable", "checkEveryHours": 6, "allowedHours": { "from": 15, "to": 7 } } }
 *
 * Updates happen only when the file has an "updates" section (Element's habit: no feed the admin did not name).
 */
export const DEFAULT_SERVER_URL = 'http://sabaq-server.local:8080';

const ServerUrl = z
  .url({ protocol: /^https?$/ })
  .refine((text) => !URL.canParse(text) || (!new URL(text).username && !new URL(text).password), 'no user or password in the URL')
  .transform((text) => text.replace(/\/+$/, ''));

/** Hours of the computer's local day, e.g. { from: 15, to: 7 } is 15:00 until 07:00 the next morning. */
const AllowedHours = z
  .object({ from: z.number().int().min(0).max(23), to: z.number().int().min(0).max(24) })
  .strict()
  .refine((h) => h.from !== h.to % 24, 'from and to must differ (leave allowedHours out to allow any hour)');

const UpdatesPolicy = z
  .object({
    enabled: z.boolean().default(true),
    channel: z.enum(['stable', 'beta']).default('stable'),
    /** The server that holds /updates/<channel>/; the central server by default. */
    feedUrl: ServerUrl.optional(),
    /** Stay on exactly this version (going down to it if need be). */
    pinnedVersion: z.string().refine(isVersion, 'a semantic version such as 1.4.2').optional(),
    checkEveryHours: z.number().min(1).max(24 * 7).default(6),
    /** Download found updates in the background (the install still waits for a free moment). */
    autoDownload: z.boolean().default(true),
    allowedHours: AllowedHours.optional(),
  })
  .strict();

const PolicyFile = z
  .object({
    serverUrl: ServerUrl.default(DEFAULT_SERVER_URL),
    updates: UpdatesPolicy.optional(),
  })
  .strict();

export type UpdatesPolicy = z.output<typeof UpdatesPolicy>;
export interface MachinePolicy {
  serverUrl: string;
  updates: UpdatesPolicy;
}

const UPDATES_OFF: UpdatesPolicy = { enabled: false, channel: 'stable', checkEveryHours: 6, autoDownload: false };
export const DEFAULT_POLICY: MachinePolicy = { serverUrl: DEFAULT_SERVER_URL, updates: UPDATES_OFF };

export type PolicyParse = { ok: true; policy: MachinePolicy } | { ok: false; reason: string };

export function parseMachinePolicy(text: string): PolicyParse {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, '')); // Notepad saves UTF-8 with a byte-order mark
  } catch (err) {
    return { ok: false, reason: `not JSON: ${(err as Error).message}` };
  }
  const parsed = PolicyFile.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    return { ok: false, reason: issues.join('; ') };
  }
  return { ok: true, policy: { serverUrl: parsed.data.serverUrl, updates: parsed.data.updates ?? UPDATES_OFF } };
}

export function policyFilePath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (env.SABAQ_POLICY_FILE) return env.SABAQ_POLICY_FILE;
  if (platform === 'win32') {
    return path.win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Sabaq', 'policy.json');
  }
  if (platform === 'darwin') return '/Library/Application Support/Sabaq/policy.json';
  return '/etc/sabaq/policy.json';
}

export interface PolicyReading {
  policy: MachinePolicy;
  source: 'file' | 'defaults';
  path: string;
  /** Why the file was not used, when it exists but could not be used. */
  problem?: string;
}

/** A missing file means the defaults; a broken one means the defaults and a warning that says why. */
export async function readMachinePolicy(opts: {
  path: string;
  read?: (file: string) => Promise<string>;
  warn?: (message: string) => void;
}): Promise<PolicyReading> {
  const read = opts.read ?? ((file: string) => readFile(file, 'utf8'));
  let text: string;
  try {
    text = await read(opts.path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { policy: DEFAULT_POLICY, source: 'defaults', path: opts.path };
    return fallBack(opts, `cannot read: ${(err as Error).message}`);
  }
  const parsed = parseMachinePolicy(text);
  if (!parsed.ok) return fallBack(opts, parsed.reason);
  return { policy: parsed.policy, source: 'file', path: opts.path };
}

function fallBack(opts: { path: string; warn?: (message: string) => void }, problem: string): PolicyReading {
  opts.warn?.(`machine policy ${opts.path} is not used (defaults apply): ${problem}`);
  return { policy: DEFAULT_POLICY, source: 'defaults', path: opts.path, problem };
}

/** The server the client talks to: SABAQ_SERVER_URL (developers, tests) over the policy. */
export function serverUrlFor(policy: MachinePolicy, env: NodeJS.ProcessEnv): string {
  const fromEnv = env.SABAQ_SERVER_URL ? ServerUrl.safeParse(env.SABAQ_SERVER_URL) : null;
  return fromEnv?.success ? fromEnv.data : policy.serverUrl;
}

/** The generic feed electron-updater reads latest.yml from: <feed>/updates/<channel>. */
export function feedUrlFor(policy: MachinePolicy): string {
  return `${policy.updates.feedUrl ?? policy.serverUrl}/updates/${policy.updates.channel}`;
}

// ——— Decisions ———

export type CheckDecision =
  | { check: true; reason: 'first-check' | 'due' | 'clock-moved-back' }
  | { check: false; reason: 'updates-disabled' | 'outside-allowed-hours' | 'not-due'; nextCheckAt?: Date };

const HOUR = 3_600_000;

/** Whether to ask the feed now. Allowed hours are the computer's local time (the school's). */
export function decideUpdateCheck(policy: MachinePolicy, now: Date, lastCheckAt: Date | null): CheckDecision {
  const { updates } = policy;
  if (!updates.enabled) return { check: false, reason: 'updates-disabled' };
  if (updates.allowedHours && !isWithinHours(updates.allowedHours, now)) return { check: false, reason: 'outside-allowed-hours' };
  if (!lastCheckAt) return { check: true, reason: 'first-check' };
  if (lastCheckAt.getTime() > now.getTime()) return { check: true, reason: 'clock-moved-back' };
  const nextCheckAt = new Date(lastCheckAt.getTime() + updates.checkEveryHours * HOUR);
  if (now.getTime() >= nextCheckAt.getTime()) return { check: true, reason: 'due' };
  return { check: false, reason: 'not-due', nextCheckAt };
}

export function isWithinHours(hours: { from: number; to: number }, now: Date): boolean {
  const h = now.getHours() + now.getMinutes() / 60;
  return hours.from < hours.to ? h >= hours.from && h < hours.to : h >= hours.from || h < hours.to;
}

export type OfferDecision =
  | { accept: true; reason: 'newer-version' | 'pinned-version'; downgrade: boolean }
  | {
      accept: false;
      reason: 'updates-disabled' | 'invalid-version' | 'not-newer' | 'already-on-pinned-version' | 'not-the-pinned-version' | 'prerelease-on-stable';
    };

/** Whether the version the feed offers is one this computer may take at all (whatever is happening in class). */
export function decideOffer(policy: MachinePolicy, currentVersion: string, offeredVersion: string): OfferDecision {
  const { updates } = policy;
  if (!updates.enabled) return { accept: false, reason: 'updates-disabled' };
  const current = parseVersion(currentVersion);
  const offered = parseVersion(offeredVersion);
  if (!current || !offered) return { accept: false, reason: 'invalid-version' };
  const order = compareVersions(offered, current);
  if (updates.pinnedVersion) {
    const pinned = parseVersion(updates.pinnedVersion)!;
    if (compareVersions(current, pinned) === 0) return { accept: false, reason: 'already-on-pinned-version' };
    if (compareVersions(offered, pinned) !== 0) return { accept: false, reason: 'not-the-pinned-version' };
    return { accept: true, reason: 'pinned-version', downgrade: order < 0 };
  }
  if (updates.channel === 'stable' && offered.prerelease.length > 0) return { accept: false, reason: 'prerelease-on-stable' };
  if (order <= 0) return { accept: false, reason: 'not-newer' };
  return { accept: true, reason: 'newer-version', downgrade: false };
}

export interface ClassroomMoment {
  /** The presentation window is open on the board. */
  presenting: boolean;
  lessonInProgress: boolean;
}

export type InstallDecision =
  | { action: 'install'; reason: 'newer-version' | 'pinned-version'; downgrade: boolean }
  | { action: 'wait'; reason: 'presenting' | 'lesson-in-progress' }
  | { action: 'skip'; reason: Extract<OfferDecision, { accept: false }>['reason'] };

/**
 * Whether to restart into the offered version now. Never during a lesson or while the board shows a
 * presentation: then the update waits (it is installed when the app quits, or at the next free moment).
 */
export function decideInstall(
  policy: MachinePolicy,
  currentVersion: string,
  offeredVersion: string,
  ctx: ClassroomMoment,
): InstallDecision {
  const offer = decideOffer(policy, currentVersion, offeredVersion);
  if (!offer.accept) return { action: 'skip', reason: offer.reason };
  if (ctx.presenting) return { action: 'wait', reason: 'presenting' };
  if (ctx.lessonInProgress) return { action: 'wait', reason: 'lesson-in-progress' };
  return { action: 'install', reason: offer.reason, downgrade: offer.downgrade };
}

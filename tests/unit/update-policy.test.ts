import { describe, expect, it, vi } from 'vitest';
import {
  decideInstall,
  decideOffer,
  decideUpdateCheck,
  DEFAULT_POLICY,
  DEFAULT_SERVER_URL,
  feedUrlFor,
  parseMachinePolicy,
  policyFilePath,
  readMachinePolicy,
  serverUrlFor,
  type MachinePolicy,
} from '../../src-main/app/update-policy';
import { compareVersions, parseVersion } from '../../src-main/app/versions';

function policy(updates: Partial<MachinePolicy['updates']> = {}): MachinePolicy {
  return {
    serverUrl: 'http://192.168.1.10:8080',
    updates: { enabled: true, channel: 'stable', checkEveryHours: 6, autoDownload: true, ...updates },
  };
}

const FREE = { presenting: false, lessonInProgress: false };
const at = (h: number, m = 0) => new Date(2026, 8, 1, h, m); // local time, as the school's computer sees it

describe('the machine policy file', () => {
  it('is read with defaults for what the administrator left out', () => {
    const parsed = parseMachinePolicy(JSON.stringify({ serverUrl: 'http://192.168.1.10:8080/', updates: {} }));
    expect(parsed).toEqual({
      ok: true,
      policy: { serverUrl: 'http://192.168.1.10:8080', updates: { enabled: true, channel: 'stable', checkEveryHours: 6, autoDownload: true } },
    });
  });

  it('takes every field the administrator may set', () => {
    const text = JSON.stringify({
      serverUrl: 'https://sabaq.school-12.kz',
      updates: { enabled: true, channel: 'beta', feedUrl: 'https://updates.akimat.kz', pinnedVersion: '1.4.2', checkEveryHours: 24, autoDownload: false, allowedHours: { from: 15, to: 7 } },
    });
    const parsed = parseMachinePolicy(text);
    expect(parsed.ok && parsed.policy.updates).toEqual({
      enabled: true, channel: 'beta', feedUrl: 'https://updates.akimat.kz', pinnedVersion: '1.4.2', checkEveryHours: 24, autoDownload: false, allowedHours: { from: 15, to: 7 },
    });
  });

  it('turns updates off when the file names no updates section (no feed the admin did not name)', () => {
    const parsed = parseMachinePolicy('{"serverUrl":"http://10.0.0.5:8080"}');
    expect(parsed.ok && parsed.policy.updates.enabled).toBe(false);
    expect(DEFAULT_POLICY.updates.enabled).toBe(false);
  });

  it('accepts the byte-order mark Notepad writes', () => {
    expect(parseMachinePolicy('\uFEFF{"updates":{"channel":"beta"}}').ok).toBe(true);
  });

  it.each([
    ['not JSON', '{ serverUrl: ', /not JSON/],
    ['an unknown key (a typo must not pass silently)', '{"updates":{"chanel":"beta"}}', /updates: Unrecognized key/],
    ['a channel that does not exist', '{"updates":{"channel":"nightly"}}', /updates\.channel/],
    ['a server URL of another scheme', '{"serverUrl":"file:///etc/passwd"}', /serverUrl/],
    ['a password inside the URL', '{"serverUrl":"http://admin:secret@10.0.0.5"}', /no user or password/],
    ['a pinned version that is not semver', '{"updates":{"pinnedVersion":"latest"}}', /pinnedVersion/],
    ['a check more often than hourly', '{"updates":{"checkEveryHours":0.1}}', /checkEveryHours/],
    ['allowed hours that cover nothing', '{"updates":{"allowedHours":{"from":8,"to":8}}}', /from and to must differ/],
    ['an hour out of the day', '{"updates":{"allowedHours":{"from":25,"to":7}}}', /allowedHours\.from/],
  ])('refuses %s, saying why', (_what, text, reason) => {
    const parsed = parseMachinePolicy(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });

  it('lives in /etc/sabaq on Linux, in ProgramData on Windows, or where SABAQ_POLICY_FILE says', () => {
    expect(policyFilePath('linux', {})).toBe('/etc/sabaq/policy.json');
    expect(policyFilePath('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Sabaq\\policy.json');
    expect(policyFilePath('win32', {})).toBe('C:\\ProgramData\\Sabaq\\policy.json');
    expect(policyFilePath('linux', { SABAQ_POLICY_FILE: '/tmp/p.json' })).toBe('/tmp/p.json');
  });

  it('is the defaults, without a warning, when the file is missing', async () => {
    const warn = vi.fn();
    const missing = Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    const reading = await readMachinePolicy({ path: '/etc/sabaq/policy.json', read: () => Promise.reject(missing), warn });
    expect(reading).toEqual({ policy: DEFAULT_POLICY, source: 'defaults', path: '/etc/sabaq/policy.json' });
    expect(warn).not.toHaveBeenCalled();
  });

  it('is the defaults and a logged reason when the file is broken or unreadable', async () => {
    const warn = vi.fn();
    const broken = await readMachinePolicy({ path: '/p.json', read: async () => '{"updates":{"enabled":"yes"}}', warn });
    expect(broken.source).toBe('defaults');
    expect(broken.problem).toMatch(/updates\.enabled/);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/\/p\.json is not used \(defaults apply\): updates\.enabled/));

    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const unreadable = await readMachinePolicy({ path: '/p.json', read: () => Promise.reject(denied), warn });
    expect(unreadable).toMatchObject({ source: 'defaults', problem: expect.stringMatching(/EACCES/) });
  });

  it('names the server: SABAQ_SERVER_URL over the policy, the policy over the default', () => {
    expect(serverUrlFor(DEFAULT_POLICY, {})).toBe(DEFAULT_SERVER_URL);
    expect(serverUrlFor(policy(), {})).toBe('http://192.168.1.10:8080');
    expect(serverUrlFor(policy(), { SABAQ_SERVER_URL: 'http://127.0.0.1:8080/' })).toBe('http://127.0.0.1:8080');
    expect(serverUrlFor(policy(), { SABAQ_SERVER_URL: 'not a url' })).toBe('http://192.168.1.10:8080');
  });

  it('puts the feed at <feed or server>/updates/<channel>', () => {
    expect(feedUrlFor(policy())).toBe('http://192.168.1.10:8080/updates/stable');
    expect(feedUrlFor(policy({ channel: 'beta', feedUrl: 'https://updates.akimat.kz' }))).toBe('https://updates.akimat.kz/updates/beta');
  });
});

describe('when to check for updates', () => {
  it('never when the policy says off', () => {
    expect(decideUpdateCheck(policy({ enabled: false }), at(10), null)).toEqual({ check: false, reason: 'updates-disabled' });
  });

  it('at once the first time, then every checkEveryHours', () => {
    const p = policy({ checkEveryHours: 6 });
    expect(decideUpdateCheck(p, at(10), null)).toEqual({ check: true, reason: 'first-check' });
    expect(decideUpdateCheck(p, at(15, 59), at(10))).toEqual({ check: false, reason: 'not-due', nextCheckAt: at(16) });
    expect(decideUpdateCheck(p, at(16), at(10))).toEqual({ check: true, reason: 'due' });
  });

  it('again when the clock was set back before the last check', () => {
    expect(decideUpdateCheck(policy(), at(9), at(10))).toEqual({ check: true, reason: 'clock-moved-back' });
  });

  it('only inside the allowed hours, also across midnight', () => {
    const evenings = policy({ allowedHours: { from: 15, to: 7 } });
    expect(decideUpdateCheck(evenings, at(10), null)).toEqual({ check: false, reason: 'outside-allowed-hours' });
    expect(decideUpdateCheck(evenings, at(14, 59), null).check).toBe(false);
    expect(decideUpdateCheck(evenings, at(15), null).check).toBe(true);
    expect(decideUpdateCheck(evenings, at(23, 30), null).check).toBe(true);
    expect(decideUpdateCheck(evenings, at(6, 59), null).check).toBe(true);
    expect(decideUpdateCheck(evenings, at(7), null).check).toBe(false);

    const lunch = policy({ allowedHours: { from: 12, to: 14 } });
    expect(decideUpdateCheck(lunch, at(13), null).check).toBe(true);
    expect(decideUpdateCheck(lunch, at(14), null).check).toBe(false);
  });
});

describe('which offered version to take', () => {
  it('a newer one', () => {
    expect(decideOffer(policy(), '1.4.0', '1.5.0')).toEqual({ accept: true, reason: 'newer-version', downgrade: false });
    expect(decideOffer(policy(), '1.4.0', '1.4.0')).toEqual({ accept: false, reason: 'not-newer' });
    expect(decideOffer(policy(), '1.4.0', '1.3.9')).toEqual({ accept: false, reason: 'not-newer' });
    expect(decideOffer(policy(), '1.9.0', '1.10.0').accept).toBe(true); // numbers, not strings
  });

  it('no pre-release on the stable channel; on beta, yes', () => {
    expect(decideOffer(policy(), '1.4.0', '1.5.0-beta.1')).toEqual({ accept: false, reason: 'prerelease-on-stable' });
    expect(decideOffer(policy({ channel: 'beta' }), '1.4.0', '1.5.0-beta.1').accept).toBe(true);
    expect(decideOffer(policy({ channel: 'beta' }), '1.5.0-beta.1', '1.5.0-beta.2').accept).toBe(true);
    expect(decideOffer(policy({ channel: 'beta' }), '1.5.0-beta.2', '1.5.0').accept).toBe(true);
  });

  it('with a pinned version: that version only, down to it if need be', () => {
    const pinned = policy({ pinnedVersion: '1.4.2' });
    expect(decideOffer(pinned, '1.5.0', '1.4.2')).toEqual({ accept: true, reason: 'pinned-version', downgrade: true });
    expect(decideOffer(pinned, '1.4.0', '1.4.2')).toEqual({ accept: true, reason: 'pinned-version', downgrade: false });
    expect(decideOffer(pinned, '1.4.0', '1.5.0')).toEqual({ accept: false, reason: 'not-the-pinned-version' });
    expect(decideOffer(pinned, '1.4.2', '1.5.0')).toEqual({ accept: false, reason: 'already-on-pinned-version' });
  });

  it('nothing when updates are off, or when a version is not semver', () => {
    expect(decideOffer(policy({ enabled: false }), '1.4.0', '1.5.0')).toEqual({ accept: false, reason: 'updates-disabled' });
    expect(decideOffer(policy(), '1.4.0', 'latest')).toEqual({ accept: false, reason: 'invalid-version' });
  });
});

describe('when to restart into an update', () => {
  it('now, when the classroom is free', () => {
    expect(decideInstall(policy(), '1.4.0', '1.5.0', FREE)).toEqual({ action: 'install', reason: 'newer-version', downgrade: false });
  });

  it('never while the board shows a presentation or a lesson is on: the update waits', () => {
    expect(decideInstall(policy(), '1.4.0', '1.5.0', { presenting: true, lessonInProgress: false })).toEqual({ action: 'wait', reason: 'presenting' });
    expect(decideInstall(policy(), '1.4.0', '1.5.0', { presenting: false, lessonInProgress: true })).toEqual({ action: 'wait', reason: 'lesson-in-progress' });
  });

  it('not at all for a version the policy refuses, even in a free moment', () => {
    expect(decideInstall(policy({ enabled: false }), '1.4.0', '1.5.0', FREE)).toEqual({ action: 'skip', reason: 'updates-disabled' });
    expect(decideInstall(policy({ pinnedVersion: '1.4.2' }), '1.4.0', '1.5.0', FREE)).toEqual({ action: 'skip', reason: 'not-the-pinned-version' });
    expect(decideInstall(policy({ pinnedVersion: '1.4.2' }), '1.5.0', '1.4.2', FREE)).toEqual({ action: 'install', reason: 'pinned-version', downgrade: true });
  });
});

describe('semantic versions', () => {
  const cmp = (a: string, b: string) => compareVersions(parseVersion(a)!, parseVersion(b)!);

  it('rank as semver.org says', () => {
    const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.1.0', '2.0.0'];
    for (let i = 0; i + 1 < ordered.length; i++) {
      expect(cmp(ordered[i]!, ordered[i + 1]!), `${ordered[i]} < ${ordered[i + 1]}`).toBe(-1);
      expect(cmp(ordered[i + 1]!, ordered[i]!)).toBe(1);
    }
    expect(cmp('1.2.3+build.7', '1.2.3')).toBe(0);
    expect(cmp('v1.2.3', '1.2.3')).toBe(0);
  });

  it('refuse what is not one', () => {
    for (const bad of ['1.2', '01.2.3', '1.2.3-', 'latest', '1.2.3.4', '']) expect(parseVersion(bad), bad).toBeNull();
  });
});

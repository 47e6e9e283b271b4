import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MachinePolicy } from '../../src-main/app/update-policy';

/*
 * The shell's updater (src-main/electron/updater.ts) against a stand-in for electron-updater's autoUpdater:
 * what it configures from the machine policy, when it checks, which versions it lets through, and that it
 * restarts only in a free moment. (updater.ts imports electron-updater, never 'electron' itself.)
 */
const autoUpdater = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  return Object.assign(new Emitter(), {
    logger: null as unknown,
    autoDownload: true,
    autoInstallOnAppQuit: false,
    allowPrerelease: false,
    allowDowngrade: false,
    isUpdateSupported: (() => true) as (info: { version: string }) => boolean,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn(),
  });
});
vi.mock('electron-updater', () => ({ autoUpdater }));

const { startUpdater } = await import('../../src-main/electron/updater');

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
function policy(updates: Partial<MachinePolicy['updates']> = {}): MachinePolicy {
  return { serverUrl: 'http://10.0.0.5:8080', updates: { enabled: true, channel: 'stable', checkEveryHours: 6, autoDownload: true, ...updates } };
}

let stop: () => void = () => undefined;
beforeEach(() => {
  vi.useFakeTimers({ now: new Date(2026, 8, 1, 16, 0) });
  vi.clearAllMocks();
  (autoUpdater as EventEmitter).removeAllListeners();
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('the updater', () => {
  it('does nothing at all when the machine policy says off', async () => {
    stop = startUpdater({ policy: policy({ enabled: false }), currentVersion: '1.4.0', classroom: () => ({ presenting: false, lessonInProgress: false }), log: quiet });
    await vi.advanceTimersByTimeAsync(48 * 3_600_000);
    expect(autoUpdater.setFeedURL).not.toHaveBeenCalled();
    expect(autoUpdater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('reads the generic feed of the policy, downloads as the policy says, and allows a downgrade only to a pinned version', () => {
    stop = startUpdater({ policy: policy({ channel: 'beta', autoDownload: false }), currentVersion: '1.4.0', classroom: () => ({ presenting: false, lessonInProgress: false }), log: quiet });
    expect(autoUpdater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'http://10.0.0.5:8080/updates/beta' });
    expect(autoUpdater.autoDownload).toBe(false);
    expect(autoUpdater.allowDowngrade).toBe(false);
    stop();
    stop = startUpdater({ policy: policy({ pinnedVersion: '1.3.0' }), currentVersion: '1.4.0', classroom: () => ({ presenting: false, lessonInProgress: false }), log: quiet });
    expect(autoUpdater.allowDowngrade).toBe(true);
    expect(autoUpdater.isUpdateSupported({ version: '1.3.0' })).toBe(true);
    expect(autoUpdater.isUpdateSupported({ version: '1.5.0' })).toBe(false);
  });

  it('lets through only the versions the policy accepts', () => {
    stop = startUpdater({ policy: policy(), currentVersion: '1.4.0', classroom: () => ({ presenting: false, lessonInProgress: false }), log: quiet });
    expect(autoUpdater.isUpdateSupported({ version: '1.5.0' })).toBe(true);
    expect(autoUpdater.isUpdateSupported({ version: '1.5.0-beta.1' })).toBe(false);
    expect(autoUpdater.isUpdateSupported({ version: '1.3.0' })).toBe(false);
  });

  it('checks after start-up, then every checkEveryHours, only inside the allowed hours', async () => {
    stop = startUpdater({ policy: policy({ checkEveryHours: 6, allowedHours: { from: 15, to: 7 } }), currentVersion: '1.4.0', classroom: () => ({ presenting: false, lessonInProgress: false }), log: quiet });
    expect(autoUpdater.checkForUpdates).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000); // 16:01 (the first check ran at 16:00:30)
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(359 * 60_000); // 22:00: not due yet
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(11 * 60_000); // 22:11: the tick at 22:10 found it due
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(9 * 3_600_000); // 07:11 next day: one more check at 04:10, none after 07:00
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(7 * 3_600_000); // 14:11: due since 10:10, but outside the hours
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(3_600_000); // 15:11: inside again
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(4);
  });

  it('restarts into a downloaded update only when nobody presents and no lesson is on', async () => {
    const classroom = { presenting: true, lessonInProgress: false };
    stop = startUpdater({ policy: policy(), currentVersion: '1.4.0', classroom: () => classroom, log: quiet, tickMinutes: 10 });
    autoUpdater.emit('update-downloaded', { version: '1.5.0' });
    expect(autoUpdater.quitAndInstall).not.toHaveBeenCalled();
    expect(autoUpdater.autoInstallOnAppQuit).toBe(true); // else it waits for the app to close

    classroom.presenting = false;
    classroom.lessonInProgress = true;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(autoUpdater.quitAndInstall).not.toHaveBeenCalled();

    classroom.lessonInProgress = false;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(autoUpdater.quitAndInstall).toHaveBeenCalledTimes(1);
  });
});

import { autoUpdater } from 'electron-updater';
import {
  decideInstall,
  decideOffer,
  decideUpdateCheck,
  feedUrlFor,
  type ClassroomMoment,
  type MachinePolicy,
} from '../app/update-policy';

export interface UpdaterLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Updates as the machine policy says: nothing at all when it says off; otherwise electron-updater on the
 * generic feed <feed>/updates/<channel>, a check on the policy's schedule (and allowed hours), only the
 * versions the policy accepts, and a restart only when the classroom is free — else the update waits for
 * the app to quit.
 */
export function startUpdater(opts: {
  policy: MachinePolicy;
  currentVersion: string;
  classroom: () => ClassroomMoment;
  log: UpdaterLog;
  /** How often the schedule is looked at; the policy's checkEveryHours decides whether a check is due. */
  tickMinutes?: number;
}): () => void {
  const { policy, currentVersion, log } = opts;
  if (!policy.updates.enabled) {
    log.info('updates: off by machine policy');
    return () => undefined;
  }

  const feed = feedUrlFor(policy);
  autoUpdater.logger = log;
  autoUpdater.setFeedURL({ provider: 'generic', url: feed });
  autoUpdater.autoDownload = policy.updates.autoDownload;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.allowPrerelease = policy.updates.channel === 'beta';
  // Down only to a pinned version; isUpdateSupported below refuses every other version when pinned.
  autoUpdater.allowDowngrade = policy.updates.pinnedVersion != null;
  autoUpdater.isUpdateSupported = (info) => {
    const offer = decideOffer(policy, currentVersion, info.version);
    log.info(`updates: ${info.version} offered → ${offer.accept ? 'accepted' : 'refused'} (${offer.reason})`);
    return offer.accept;
  };
  log.info(`updates: feed ${feed}, every ${policy.updates.checkEveryHours} h, autoDownload ${policy.updates.autoDownload}` +
    (policy.updates.pinnedVersion ? `, pinned to ${policy.updates.pinnedVersion}` : ''));

  let lastCheckAt: Date | null = null;
  let downloaded: string | null = null;

  const installIfFree = () => {
    if (!downloaded) return;
    const decision = decideInstall(policy, currentVersion, downloaded, opts.classroom());
    log.info(`updates: ${downloaded} downloaded → ${decision.action} (${decision.reason})`);
    if (decision.action === 'install') autoUpdater.quitAndInstall(true, true);
  };

  autoUpdater.on('update-downloaded', (event) => {
    downloaded = event.version;
    installIfFree();
  });
  autoUpdater.on('error', (err) => log.warn(`updates: ${err.message}`));

  const tick = () => {
    if (downloaded) return installIfFree();
    const now = new Date();
    const decision = decideUpdateCheck(policy, now, lastCheckAt);
    if (!decision.check) return;
    lastCheckAt = now;
    log.info(`updates: checking (${decision.reason})`);
    autoUpdater.checkForUpdates().catch((err: Error) => log.warn(`updates: check failed: ${err.message}`));
  };

  const timer = setInterval(tick, (opts.tickMinutes ?? 10) * 60_000);
  const first = setTimeout(tick, 30_000); // not in the middle of start-up
  return () => {
    clearInterval(timer);
    clearTimeout(first);
  };
}

import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { z } from 'zod';
import { BRIDGE_ARGS, BRIDGE_CHANNELS, bridgeError, forRenderer, isTrustedSender } from '../app/bridge-rules';
import type { BridgeChannel } from '../app/bridge-channels';
import type { DisplayMenu } from '../app/board-display';
import { filesOf } from '../app/files/client-files';
import { APP_ORIGIN } from '../app/renderer-files';
import type { ClientApp } from '../app/types';
import { serveClientFiles } from './renderer-protocol';

/**
 * The main side of the preload bridge. Each channel: the sender must be our main window's top frame on
 * app://sabaq, the arguments must pass zod, and the session id is kept here, per webContents — the page
 * never sees it, so a compromised page cannot lift a session.
 */
export interface IpcBridge {
  /** Somebody is signed in in one of our windows (a teacher may be mid-lesson). */
  hasSignedInUser(): boolean;
  dispose(): void;
}

export function registerIpc(opts: {
  clientApp: ClientApp;
  mainWindowContents: () => WebContents | null;
  /** Opens the presenter view of the lesson shown in `contents` (the board's display chosen by the shell). */
  present?: (contents: WebContents, route: string) => boolean;
  /** The displays and the board's choice (and the teacher's), and the teacher choosing one. */
  displays?: { menu: () => Promise<DisplayMenu>; choose: (id: number | null) => Promise<void> };
  log: (message: string) => void;
}): IpcBridge {
  const { clientApp, log } = opts;
  const sessions = new Map<number, string>();

  function handle<C extends BridgeChannel>(
    channel: C,
    run: (contents: WebContents, args: z.output<(typeof BRIDGE_ARGS)[C]>) => Promise<unknown>,
  ): void {
    ipcMain.handle(BRIDGE_CHANNELS[channel], async (event: IpcMainInvokeEvent, ...raw: unknown[]) => {
      const trusted = isTrustedSender({
        frameUrl: event.senderFrame?.url ?? null,
        isMainFrame: event.senderFrame != null && event.senderFrame === event.sender.mainFrame,
        fromMainWindow: event.sender === opts.mainWindowContents(),
      });
      if (!trusted) {
        log(`ipc ${channel}: refused a message from ${event.senderFrame?.url ?? 'a gone frame'}`);
        throw new Error('refused');
      }
      const args = BRIDGE_ARGS[channel].safeParse(raw);
      if (!args.success) return bridgeError('invalid_input');
      watchForGoing(event.sender);
      try {
        return await run(event.sender, args.data as z.output<(typeof BRIDGE_ARGS)[C]>);
      } catch (err) {
        log(`ipc ${channel} failed: ${(err as Error).stack ?? String(err)}`);
        return bridgeError('internal');
      }
    });
  }

  const watched = new Set<number>();
  function watchForGoing(contents: WebContents): void {
    if (watched.has(contents.id)) return;
    watched.add(contents.id);
    const id = contents.id;
    contents.once('destroyed', () => {
      watched.delete(id);
      const sessionId = sessions.get(id);
      sessions.delete(id);
      if (sessionId) void clientApp.signOut(sessionId).catch(() => undefined);
    });
  }

  handle('signIn', async (contents, [login, password, locale]) => {
    const previous = sessions.get(contents.id);
    if (previous) {
      sessions.delete(contents.id);
      await clientApp.signOut(previous); // the next person at the classroom computer
    }
    const outcome = await clientApp.signIn(login, password, locale);
    if (outcome.ok) sessions.set(contents.id, outcome.sessionId);
    return forRenderer(outcome);
  });

  handle('unlock', async (contents, [password]) => {
    const sessionId = sessions.get(contents.id);
    if (!sessionId) return bridgeError('unauthenticated');
    const outcome = await clientApp.unlock(sessionId, password);
    if (outcome.ok) sessions.set(contents.id, outcome.sessionId);
    return forRenderer(outcome);
  });

  handle('signOut', async (contents) => {
    const sessionId = sessions.get(contents.id);
    sessions.delete(contents.id);
    if (sessionId) await clientApp.signOut(sessionId);
    return { ok: true };
  });

  handle('invoke', async (contents, [name, input, locale]) =>
    clientApp.call(sessions.get(contents.id) ?? null, name, input, locale));

  handle('knownAccounts', async () => clientApp.knownAccounts());

  handle('health', async () => ({ ok: true, offline: !(await clientApp.online()) }));

  // Files: written into this computer's cache, and read by the page from app://sabaq/files/t/<ticket>/<sha>.
  const files = filesOf(clientApp);
  serveClientFiles(files);

  handle('uploadFile', async (contents, [bytes, fileName, locale]) =>
    files ? files.upload(sessions.get(contents.id) ?? null, bytes, fileName, locale ?? 'kk') : bridgeError('internal', locale));

  handle('fileUrl', async (contents, [sha256]) => {
    if (!files) return bridgeError('internal');
    const ticket = await files.ticket(sessions.get(contents.id) ?? null, sha256, 'kk');
    return ticket.ok ? { ok: true, url: `${APP_ORIGIN}${ticket.url}` } : ticket;
  });

  handle('present', async (contents, [route]) => ({ ok: opts.present?.(contents, route) ?? false }));
  handle('displays', async () => (opts.displays ? { ok: true, ...(await opts.displays.menu()) } : bridgeError('internal')));
  handle('chooseDisplay', async (_contents, [id]) => {
    if (!opts.displays) return bridgeError('internal');
    await opts.displays.choose(id);
    return { ok: true, ...(await opts.displays.menu()) };
  });

  return {
    hasSignedInUser: () => sessions.size > 0,
    dispose() {
      for (const channel of Object.values(BRIDGE_CHANNELS)) ipcMain.removeHandler(channel);
      serveClientFiles(null);
      sessions.clear();
    },
  };
}

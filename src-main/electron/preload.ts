/*
 * The sandboxed preload: the only bridge between the page and the main process. Bundled alone into
 * dist-main/preload.cjs (CommonJS, nothing required but 'electron'). The page gets eleven functions, never
 * ipcRenderer itself, and `invoke` refuses any name that is not an operation of the contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNELS } from '../app/bridge-channels';

/** The contract's OPERATION_NAMES, written in by scripts/build-main.ts (esbuild `define`). */
declare const SABAQ_OPERATION_NAMES: readonly string[];

const operationNames = new Set<string>(SABAQ_OPERATION_NAMES);

function unknownOperation(name: unknown) {
  return Promise.resolve({
    ok: false as const,
    error: { code: 'unknown_operation', messageKey: 'error.unknown_operation', message: `Unknown operation: ${String(name)}`, params: { name: String(name) } },
  });
}

contextBridge.exposeInMainWorld(
  'sabaq',
  Object.freeze({
    signIn: (login: string, password: string, locale?: string) =>
      ipcRenderer.invoke(BRIDGE_CHANNELS.signIn, login, password, locale),
    signOut: () => ipcRenderer.invoke(BRIDGE_CHANNELS.signOut),
    unlock: (password: string) => ipcRenderer.invoke(BRIDGE_CHANNELS.unlock, password),
    invoke: (name: string, input: unknown, locale?: string) =>
      typeof name === 'string' && operationNames.has(name)
        ? ipcRenderer.invoke(BRIDGE_CHANNELS.invoke, name, input, locale)
        : unknownOperation(name),
    knownAccounts: () => ipcRenderer.invoke(BRIDGE_CHANNELS.knownAccounts),
    health: () => ipcRenderer.invoke(BRIDGE_CHANNELS.health),
    uploadFile: (bytes: Uint8Array, fileName: string, locale?: string) =>
      ipcRenderer.invoke(BRIDGE_CHANNELS.uploadFile, bytes, fileName, locale),
    fileUrl: (sha256: string) => ipcRenderer.invoke(BRIDGE_CHANNELS.fileUrl, sha256),
    present: (route: string) => ipcRenderer.invoke(BRIDGE_CHANNELS.present, route),
    displays: () => ipcRenderer.invoke(BRIDGE_CHANNELS.displays),
    chooseDisplay: (id: number | null) => ipcRenderer.invoke(BRIDGE_CHANNELS.chooseDisplay, id),
  }),
);

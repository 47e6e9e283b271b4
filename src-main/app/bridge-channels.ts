/** The IPC channels of the Electron bridge. No imports: the sandboxed preload bundles this file alone. */
export const BRIDGE_CHANNELS = {
  signIn: 'sabaq:sign-in',
  signOut: 'sabaq:sign-out',
  unlock: 'sabaq:unlock',
  invoke: 'sabaq:invoke',
  knownAccounts: 'sabaq:known-accounts',
  health: 'sabaq:health',
  uploadFile: 'sabaq:upload-file',
  fileUrl: 'sabaq:file-url',
  present: 'sabaq:present',
  displays: 'sabaq:displays',
  chooseDisplay: 'sabaq:choose-display',
} as const;

export type BridgeChannel = keyof typeof BRIDGE_CHANNELS;

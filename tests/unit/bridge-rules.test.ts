import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../src-core/contract/operations';
import { BRIDGE_ARGS, BRIDGE_CHANNELS, bridgeError, forRenderer, isTrustedSender } from '../../src-main/app/bridge-rules';
import type { SignInOutcome } from '../../src-main/app/types';

const trusted = { frameUrl: 'app://sabaq/index.html#/teacher', isMainFrame: true, fromMainWindow: true };

describe('the IPC bridge trusts only our own page', () => {
  it('the top frame of our main window on app://sabaq', () => {
    expect(isTrustedSender(trusted)).toBe(true);
  });

  it.each([
    ['another window', { ...trusted, fromMainWindow: false }],
    ['an iframe', { ...trusted, isMainFrame: false }],
    ['a frame that is gone', { ...trusted, frameUrl: null }],
    ['a page that navigated away', { ...trusted, frameUrl: 'https://evil.example/' }],
    ['file://', { ...trusted, frameUrl: 'file:///opt/Sabaq/index.html' }],
    ['another app:// host', { ...trusted, frameUrl: 'app://other/index.html' }],
    ['garbage', { ...trusted, frameUrl: '::' }],
  ])('refuses %s', (_what, sender) => expect(isTrustedSender(sender)).toBe(false));
});

describe('the arguments of each channel', () => {
  it('has a schema for every channel and a channel for every schema', () => {
    expect(Object.keys(BRIDGE_ARGS).sort()).toEqual(Object.keys(BRIDGE_CHANNELS).sort());
  });

  it('sign-in: a login and a password, a language if given, nothing else', () => {
    expect(BRIDGE_ARGS.signIn.safeParse(['  aigerim.n ', 'secret']).data).toEqual(['aigerim.n', 'secret']);
    expect(BRIDGE_ARGS.signIn.safeParse(['aigerim.n', 'secret', 'ru']).success).toBe(true);
    expect(BRIDGE_ARGS.signIn.safeParse(['aigerim.n', 'secret', 'de']).success).toBe(false);
    expect(BRIDGE_ARGS.signIn.safeParse(['aigerim.n']).success).toBe(false);
    expect(BRIDGE_ARGS.signIn.safeParse(['', 'secret']).success).toBe(false);
    expect(BRIDGE_ARGS.signIn.safeParse(['a', 'x'.repeat(2000)]).success).toBe(false);
    expect(BRIDGE_ARGS.signIn.safeParse([{ toString: () => 'a' }, 'secret']).success).toBe(false);
    expect(BRIDGE_ARGS.signIn.safeParse(['a', 'b', 'ru', 'extra']).success).toBe(false);
  });

  it('invoke: only the operations of the contract', () => {
    for (const name of OPERATION_NAMES) expect(BRIDGE_ARGS.invoke.safeParse([name, {}]).success, name).toBe(true);
    expect(BRIDGE_ARGS.invoke.safeParse(['session.me', {}, undefined]).success).toBe(true);
    for (const name of ['__proto__', 'constructor', 'session.me ', 'users.delete', '', 42]) {
      expect(BRIDGE_ARGS.invoke.safeParse([name, {}]).success, String(name)).toBe(false);
    }
  });

  it('the channels without arguments take none', () => {
    for (const channel of ['signOut', 'knownAccounts', 'health'] as const) {
      expect(BRIDGE_ARGS[channel].safeParse([]).success).toBe(true);
      expect(BRIDGE_ARGS[channel].safeParse(['x']).success).toBe(false);
    }
  });
});

describe('what the page sees', () => {
  it('of a sign-in: who, and whether offline — never the session id', () => {
    const me = { userId: 'u1' } as unknown as Extract<SignInOutcome, { ok: true }>['me'];
    const seen = forRenderer({ ok: true, sessionId: 'secret-session', me, offline: true });
    expect(seen).toEqual({ ok: true, me, offline: true });
    expect(JSON.stringify(seen)).not.toContain('secret-session');
  });

  it('of a failure: the error body of every host, translated', () => {
    expect(bridgeError('invalid_input', 'en')).toEqual({
      ok: false, error: { code: 'invalid_input', messageKey: 'error.invalid_input', message: 'The data entered is not valid' },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { issueFileTicket, signFileTicket, TICKET_SECONDS, verifyFileTicket } from '../../../src-core/resources/tickets';

const secret = new TextEncoder().encode('a secret of the host');
const sha = 'a'.repeat(64);
const other = 'b'.repeat(64);
const user = '0191e0d2-7a4b-7c1e-9f00-1234567890ab';
const now = new Date('2026-11-23T09:00:00Z');

describe('file tickets', () => {
  it('open one file for one user for ten minutes, in an address of URL-safe characters', async () => {
    const issued = await issueFileTicket(secret, user, sha, now);
    expect(issued.url).toBe(`/files/t/${issued.ticket}/${sha}`);
    expect(issued.ticket).toMatch(/^[0-9A-Za-z._-]+$/);
    expect(issued.expiresAt).toBe(new Date(now.getTime() + TICKET_SECONDS * 1000).toISOString());
    expect(await verifyFileTicket(secret, issued.ticket, sha, now)).toMatchObject({ userId: user, sha256: sha });
    expect(await verifyFileTicket(secret, issued.ticket, sha, new Date(now.getTime() + 9 * 60_000))).not.toBeNull();
    expect(await verifyFileTicket(secret, issued.ticket, sha, new Date(now.getTime() + 10 * 60_000))).toBeNull();
  });

  it('are refused for another file, with another secret, or changed in any part', async () => {
    const { ticket } = await issueFileTicket(secret, user, sha, now);
    expect(await verifyFileTicket(secret, ticket, other, now)).toBeNull();
    expect(await verifyFileTicket(new TextEncoder().encode('another host'), ticket, sha, now)).toBeNull();
    const [expires, who, signature] = ticket.split('.') as [string, string, string];
    const later = String(Number(expires) + 3600);
    expect(await verifyFileTicket(secret, `${later}.${who}.${signature}`, sha, now)).toBeNull();
    expect(await verifyFileTicket(secret, `${expires}.${user.replace('a', 'c')}.${signature}`, sha, now)).toBeNull();
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    expect(await verifyFileTicket(secret, `${expires}.${who}.${flipped}`, sha, now)).toBeNull();
    for (const junk of ['', 'x', `${expires}.${who}`, `${expires}.${who}.${signature}.x`, `-1.${who}.${signature}`, `${expires}.${who}.!!`]) {
      expect(await verifyFileTicket(secret, junk, sha, now), junk).toBeNull();
    }
  });

  it('are the same for the same input, so any host with the secret checks them', async () => {
    const t = { userId: user, sha256: sha, expires: 1_800_000_000 };
    expect(await signFileTicket(secret, t)).toBe(await signFileTicket(new Uint8Array(secret), t));
    await expect(signFileTicket(secret, { ...t, userId: 'not/a.user' })).rejects.toThrow();
  });
});

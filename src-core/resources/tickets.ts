/**
 * File tickets: a short-lived address for one file and one user, so that <img>, <video> and a package's <iframe>
 * (which send no Authorization header) can load a file. The ticket is an HMAC-SHA256 over the user, the file's
 * hash and the expiry, with the host's own secret; it is checked without a database read, and the host then
 * checks that the user may still read the file. Web Crypto (a global on Node 20+, in Electron and in browsers)
 * keeps this free of any host module, so the central server and the desktop client sign and check alike.
 */

export const TICKET_SECONDS = 10 * 60;

export interface FileTicket {
  userId: string;
  sha256: string;
  /** Seconds since the epoch. */
  expires: number;
}

const USER = /^[0-9A-Za-z-]{1,64}$/;
const SIGNATURE_BYTES = 32;
const encoder = new TextEncoder();

const message = (t: FileTicket) => encoder.encode(`sabaq-file-ticket.v1:${t.userId}:${t.sha256}:${t.expires}`);

function hmacKey(secret: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new Uint8Array(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** `<expires>.<userId>.<signature>`: only URL-safe characters, to sit in a path. */
export async function signFileTicket(secret: Uint8Array, ticket: FileTicket): Promise<string> {
  if (!USER.test(ticket.userId)) throw new Error('A ticket names a user by their id');
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), message(ticket)));
  return `${ticket.expires}.${ticket.userId}.${toBase64Url(signature)}`;
}

/** The ticket's user when it was signed with this secret for this file and has not expired; else null. */
export async function verifyFileTicket(secret: Uint8Array, text: string, sha256: string, now: Date): Promise<FileTicket | null> {
  const [expiresText, userId, signatureText, ...rest] = text.split('.');
  if (rest.length || !expiresText || !userId || !signatureText || !/^\d{1,12}$/.test(expiresText) || !USER.test(userId)) return null;
  const signature = fromBase64Url(signatureText);
  if (!signature || signature.length !== SIGNATURE_BYTES) return null;
  const ticket = { userId, sha256, expires: Number(expiresText) };
  // subtle.verify compares in constant time.
  const valid = await crypto.subtle.verify('HMAC', await hmacKey(secret), signature, message(ticket));
  return valid && ticket.expires * 1000 > now.getTime() ? ticket : null;
}

/** A new ticket for a user and a file, valid for ten minutes from `now`. */
export async function issueFileTicket(secret: Uint8Array, userId: string, sha256: string, now: Date) {
  const expires = Math.floor(now.getTime() / 1000) + TICKET_SECONDS;
  const ticket = await signFileTicket(secret, { userId, sha256, expires });
  return { ticket, url: fileTicketUrl(ticket, sha256), expiresAt: new Date(expires * 1000).toISOString() };
}

/** Where a host serves a file under a ticket; a package's files are under `<url>/pkg/<path>`. */
export const fileTicketUrl = (ticket: string, sha256: string) => `/files/t/${ticket}/${sha256}`;

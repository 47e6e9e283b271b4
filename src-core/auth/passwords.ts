import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** argon2id with the OWASP baseline (19 MiB, 2 passes): about 30–60 ms on a school computer. */
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(encoded: string | null | undefined, password: string): Promise<boolean> {
  if (!encoded) return false;
  try {
    return await verify(encoded, password);
  } catch {
    return false;
  }
}

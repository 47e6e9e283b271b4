import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext';
import type { HostHealth } from '../api/client';

const EVERY_MS = 15_000;

export interface HostState {
  /** The page runs on the desktop client (Electron, or its browser mode on loopback), not on the central server. */
  client: boolean;
  /** The host does not reach the central server (or does not answer itself). */
  offline: boolean;
}

/** Asks the page's host every 15 s what it is and whether it reaches the central server (no session is touched). */
export function useHostHealth(): HostState {
  const api = useApi();
  const [health, setHealth] = useState<HostHealth | null>(null);
  useEffect(() => {
    let alive = true;
    const check = () => api.health().then((h) => { if (alive) setHealth(h); });
    check();
    const timer = setInterval(check, EVERY_MS);
    return () => { alive = false; clearInterval(timer); };
  }, [api]);
  return {
    client: api.transport === 'ipc' || health?.role === 'client',
    offline: health ? health.offline || !health.ok : false,
  };
}

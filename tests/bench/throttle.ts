import net from 'node:net';

/**
 * A school's internet link between a desktop client and the central server, for benchmarks: a TCP proxy that
 * limits bandwidth in each direction (a token bucket shared by the link's connections, default 4 Mbit/s), delays
 * every byte by the one-way latency (default 50 ms: 100 ms round trip, and one round trip more for each new
 * connection), counts the bytes each way, and can be taken down (connections cut, new ones refused) and brought
 * up again. The client reaches it through its ordinary serverUrl, so the product's own HTTP transport is measured.
 * With no limit and no latency it is a plain pipe, optionally from a source address of its own (127.0.0.N):
 * one simulated device, one address.
 */
export interface LinkOptions {
  /** Megabits per second in each direction; Infinity: no limit. */
  mbitPerSecond?: number;
  /** One-way delay in milliseconds. */
  latencyMs?: number;
  /** The address the link connects to the server from. */
  localAddress?: string;
  /** Keep a timeline of what crossed the link (for splitting a sync into wire, server and client time). */
  timeline?: boolean;
}

export type Direction = 'toServer' | 'toClient';
/**
 * `arrived`: the link took bytes from their sender; `delivered`: it handed them to the receiver. `request`: the
 * request line when the bytes begin an HTTP request ("POST /sync/pull").
 */
export interface LinkEvent { at: number; dir: Direction; kind: 'arrived' | 'delivered'; bytes: number; request?: string }

const REQUEST_LINE = /^(GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH) (\S+) HTTP\//;

export interface ThrottledLink {
  url: string;
  bytes(): Record<Direction, number>;
  events(): LinkEvent[];
  /** Cuts every connection and refuses new ones until up(). */
  down(): void;
  up(): void;
  close(): Promise<void>;
}

const PIECE = 16 * 1024;
const PAUSE_ABOVE = 1024 * 1024;

interface Piece { conn: Conn; to: net.Socket; dir: Direction; data: Buffer | null; notBefore: number }
interface Conn { client: net.Socket; server: net.Socket; queued: Record<Direction, number> }

/** One direction of the link: pieces leave in order as the bucket allows, and arrive `latency` later. */
class Lane {
  private queue: Piece[] = [];
  private tokens: number;
  private refilledAt = performance.now();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly bytesPerMs: number, private readonly latencyMs: number, private readonly burst: number,
    private readonly deliver: (p: Piece) => void) {
    this.tokens = burst;
  }

  push(p: Piece): void {
    this.queue.push(p);
    if (!this.timer) this.pump();
  }

  clear(): void {
    this.queue = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private pump = (): void => {
    this.timer = null;
    for (;;) {
      const head = this.queue[0];
      if (!head) return;
      const now = performance.now();
      this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) * this.bytesPerMs);
      this.refilledAt = now;
      const size = head.data?.length ?? 0;
      const wait = Math.max(head.notBefore - now, size > this.tokens ? (size - this.tokens) / this.bytesPerMs : 0);
      if (wait > 0) {
        this.timer = setTimeout(this.pump, Math.max(1, Math.ceil(wait)));
        return;
      }
      this.tokens -= size;
      this.queue.shift();
      setTimeout(() => this.deliver(head), this.latencyMs);
    }
  };
}

export async function startThrottledLink(serverUrl: string, opts: LinkOptions = {}): Promise<ThrottledLink> {
  const target = new URL(serverUrl);
  const mbit = opts.mbitPerSecond ?? 4;
  const latencyMs = opts.latencyMs ?? 50;
  const shaped = Number.isFinite(mbit) || latencyMs > 0;
  const counted: Record<Direction, number> = { toServer: 0, toClient: 0 };
  const events: LinkEvent[] = [];
  const note = (e: LinkEvent) => { if (opts.timeline) events.push(e); };
  const conns = new Set<Conn>();
  let isDown = false;

  const deliver = (p: Piece) => {
    if (p.to.destroyed) return;
    if (p.data === null) {
      p.to.end();
      return;
    }
    p.to.write(p.data);
    counted[p.dir] += p.data.length;
    note({ at: performance.now(), dir: p.dir, kind: 'delivered', bytes: p.data.length });
    p.conn.queued[p.dir] -= p.data.length;
    const source = p.dir === 'toServer' ? p.conn.client : p.conn.server;
    if (p.conn.queued[p.dir] < PAUSE_ABOVE / 4 && source.isPaused()) source.resume();
  };
  const bytesPerMs = Number.isFinite(mbit) ? (mbit * 1_000_000) / 8 / 1000 : Infinity;
  const lanes: Record<Direction, Lane> = {
    toServer: new Lane(bytesPerMs, latencyMs, PIECE, deliver),
    toClient: new Lane(bytesPerMs, latencyMs, PIECE, deliver),
  };

  const cut = (c: Conn) => {
    c.client.destroy();
    c.server.destroy();
    conns.delete(c);
  };

  const proxy = net.createServer((client) => {
    if (isDown) {
      client.destroy();
      return;
    }
    const server = net.connect({ host: target.hostname, port: Number(target.port), localAddress: opts.localAddress });
    const conn: Conn = { client, server, queued: { toServer: 0, toClient: 0 } };
    conns.add(conn);
    client.setNoDelay(true);
    server.setNoDelay(true);
    client.on('error', () => cut(conn));
    server.on('error', () => cut(conn));
    client.on('close', () => cut(conn));
    // A server that closes after ending its answer lets the answer finish crossing the link; otherwise cut.
    let serverEnded = false;
    server.on('end', () => { serverEnded = true; });
    server.on('close', () => { if (!serverEnded) cut(conn); });
    if (!shaped) {
      client.on('data', (d: Buffer) => { counted.toServer += d.length; });
      server.on('data', (d: Buffer) => { counted.toClient += d.length; });
      client.pipe(server);
      server.pipe(client);
      return;
    }
    // A new connection costs a round trip (the TCP handshake) before its first bytes leave.
    const openAt = performance.now() + 2 * latencyMs;
    const forward = (from: net.Socket, to: net.Socket, dir: Direction) => {
      from.on('data', (d: Buffer) => {
        const line = dir === 'toServer' ? REQUEST_LINE.exec(d.subarray(0, 200).toString('latin1')) : null;
        note({ at: performance.now(), dir, kind: 'arrived', bytes: d.length, ...(line ? { request: `${line[1]} ${line[2]}` } : {}) });
        for (let i = 0; i < d.length; i += PIECE) {
          const data = d.subarray(i, i + PIECE);
          conn.queued[dir] += data.length;
          lanes[dir].push({ conn, to, dir, data, notBefore: dir === 'toServer' ? openAt : 0 });
        }
        if (conn.queued[dir] > PAUSE_ABOVE) from.pause();
      });
      from.on('end', () => lanes[dir].push({ conn, to, dir, data: null, notBefore: 0 }));
    };
    forward(client, server, 'toServer');
    forward(server, client, 'toClient');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    bytes: () => ({ ...counted }),
    events: () => events,
    down() {
      isDown = true;
      for (const c of [...conns]) cut(c);
      lanes.toServer.clear();
      lanes.toClient.clear();
    },
    up() {
      isDown = false;
    },
    async close() {
      for (const c of [...conns]) cut(c);
      lanes.toServer.clear();
      lanes.toClient.clear();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}

/**
 * Splits a span of a link's timeline into the time the client spent working: from each delivery to the client
 * until the client next sent something (or the end of the span).
 */
export function clientBusyMs(events: readonly LinkEvent[], from: number, to: number): number {
  let busy = 0;
  let since: number | null = null;
  for (const e of events) {
    if (e.at < from || e.at > to) continue;
    if (e.dir === 'toClient' && e.kind === 'delivered') since = e.at;
    else if (e.dir === 'toServer' && e.kind === 'arrived' && since !== null) {
      busy += e.at - since;
      since = null;
    }
  }
  if (since !== null) busy += to - since;
  return busy;
}

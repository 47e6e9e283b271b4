import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface RunFigures { ms: number; peakRssMb: number }

/** Peak resident memory of a live process (VmHWM), in MiB; 0 once it has gone. */
function peakRssMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs `node --import tsx <script>` (one process, so its memory is the product's own) and times it: until it
 * exits, or until `ready()` first resolves true, after which it is stopped.
 */
export async function timeProcess(script: string, args: string[], env: Record<string, string>, ready?: () => Promise<boolean>): Promise<RunFigures> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += String(d); });
  child.stdout.resume();
  let peak = 0;
  const sampler = setInterval(() => { peak = Math.max(peak, peakRssMb(child.pid!)); }, 20);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    if (ready) {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`${script} exited early: ${stderr.split('\n').slice(-3).join(' ')}`);
        if (await ready().catch(() => false)) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      const ms = performance.now() - started;
      peak = Math.max(peak, peakRssMb(child.pid!));
      child.kill('SIGTERM');
      await exited;
      return { ms, peakRssMb: peak };
    }
    const code = await exited;
    if (code !== 0) throw new Error(`${script} failed (${code}): ${stderr.split('\n').slice(-3).join(' ')}`);
    return { ms: performance.now() - started, peakRssMb: peak };
  } finally {
    clearInterval(sampler);
  }
}

export async function healthy(url: string): Promise<boolean> {
  const res = await fetch(`${url}/health`);
  return res.ok;
}

export function summarize(runs: RunFigures[]) {
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  return {
    runs: runs.length,
    medianMs: Math.round(ms[Math.floor(ms.length / 2)]!),
    minMs: Math.round(ms[0]!),
    maxMs: Math.round(ms.at(-1)!),
    peakRssMb: Math.round(Math.max(...runs.map((r) => r.peakRssMb))),
  };
}

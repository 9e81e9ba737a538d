import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Process helpers for tests that run `kycuong start` as a real child process (Linux /proc). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const KYCUONG = path.join(ROOT, 'bin/kycuong.mjs');

export interface AppProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node bin/kycuong.mjs start --no-demo` with only the given environment on top of PATH/HOME. */
export function startKycuong(env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, [KYCUONG, 'start', '--no-demo'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString('utf8')).slice(-200_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => out, exited };
}

interface ProcInfo {
  pid: number;
  ppid: number;
  state: string;
  cmdline: string;
}

/** Every live process (zombies excluded). */
export function processes(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const state = rest[0] ?? '?';
      if (state === 'Z' || state === 'X') continue;
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      out.push({ pid: Number(name), ppid: Number(rest[1]), state, cmdline });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** All descendants of `pid` (children, grandchildren, ...). */
export function descendants(pid: number): ProcInfo[] {
  const all = processes();
  const found: ProcInfo[] = [];
  let frontier = [pid];
  while (frontier.length > 0) {
    const next = all.filter((p) => frontier.includes(p.ppid));
    found.push(...next);
    frontier = next.map((p) => p.pid);
  }
  return found;
}

export function alive(pid: number): boolean {
  return processes().some((p) => p.pid === pid);
}

/** Processes whose command line mentions `text` (a test's own data directory, say). */
export function mentioning(text: string): ProcInfo[] {
  return processes().filter((p) => p.cmdline.includes(text) && p.pid !== process.pid);
}

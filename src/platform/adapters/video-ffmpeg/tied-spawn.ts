import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Child processes that die with the server, even when the server is killed with SIGKILL (a crash, the OOM killer,
 * `kill -9`): Node cannot set PR_SET_PDEATHSIG itself, so on Linux the child is started through util-linux
 * `setpriv --pdeathsig SIG -- cmd args…`, which sets it and then execs the command (same pid, nothing left in
 * between). The kernel sends SIG to the child when its parent goes away.
 *
 * Without setpriv (not Linux, a minimal image) the command is spawned directly and the caller's other measures
 * apply (ffmpeg's outputs are pipes to us, so it stops on the first write after we are gone; the RTSP server
 * watches its stdin). When the command itself cannot be found it is spawned directly too, so the caller still gets
 * the usual ENOENT 'error' event (callers explain "ffmpeg not installed" from it).
 */
const SETPRIV = '/usr/bin/setpriv';
let setprivUsable: boolean | undefined;
let tyingEnabled = true;

/**
 * Turns the setpriv wrapper off (config.video.tieChildren, KC_NO_PDEATHSIG=1) or on again, for the whole process:
 * whether children die with their parent is a property of the process, so the composition root sets it once.
 */
export function tieChildProcesses(enabled: boolean): void {
  tyingEnabled = enabled;
}

function canUseSetpriv(): boolean {
  if (!tyingEnabled) return false;
  if (setprivUsable === undefined) setprivUsable = process.platform === 'linux' && isExecutable(SETPRIV);
  return setprivUsable;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

const resolved = new Map<string, string | undefined>();

/** The absolute path of `cmd` as the shell would find it, or undefined. */
export function whichCommand(cmd: string): string | undefined {
  if (cmd.includes('/')) return isExecutable(cmd) ? path.resolve(cmd) : undefined;
  if (!resolved.has(cmd)) {
    const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
    resolved.set(
      cmd,
      dirs.map((d) => path.join(d, cmd)).find((f) => isExecutable(f)),
    );
  }
  return resolved.get(cmd);
}

/**
 * `spawn`, with the child tied to this process: `signal` (default SIGTERM, which lets ffmpeg finish the file it
 * writes) is sent to it when this process dies.
 */
export function spawnTied(cmd: string, args: readonly string[], options: SpawnOptions, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): ChildProcess {
  const full = whichCommand(cmd);
  if (!full || !canUseSetpriv()) return spawn(cmd, args, options);
  return spawn(SETPRIV, ['--pdeathsig', signal.replace(/^SIG/, ''), '--', full, ...args], options);
}

import type { ChildProcess, SpawnOptions } from 'node:child_process';

/** What a short job left behind: exit code (null when killed), its output, the tail of its error text. */
export interface RunResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
}

/**
 * Child processes tied to the server's life: they die with it however it ends (SIGKILL and crashes included), so
 * none is ever left running. For the code that starts helper programs itself (the demo's ffmpeg recipes and its
 * RTSP server); camera video goes through the video port.
 */
export interface ChildProcesses {
  /** Runs a short job to completion, killing it after `timeoutMs`. Never rejects for a non-zero exit. */
  run(cmd: string, args: string[], opts: { timeoutMs: number; stdin?: Buffer }): Promise<RunResult>;
  /** Starts a long-running child; `signal` (default SIGTERM) reaches it when this process dies. */
  spawn(cmd: string, args: readonly string[], options: SpawnOptions, signal?: 'SIGTERM' | 'SIGKILL'): ChildProcess;
}

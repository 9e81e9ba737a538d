import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A PostgreSQL cluster of a test's own (initdb in a temp dir, a free loopback port, trust auth, fsync off), so a test
 * can really restart, crash and start the server without touching the machine's shared one. PostgreSQL refuses to
 * run as root: as root its commands run as the `postgres` system user, which owns the temp dir.
 */

/** The newest installed server's bin directory (Debian/Ubuntu layout), or undefined if none is installed. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = path.join(root, v, 'bin');
    if (['initdb', 'pg_ctl', 'postgres'].every((b) => fs.existsSync(path.join(bin, b)))) return bin;
  }
  return undefined;
}

interface RunAs {
  uid: number;
  gid: number;
}

function postgresSystemUser(): RunAs {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) throw new Error('running as root and there is no "postgres" system user to run PostgreSQL as');
  return { uid: Number(uid), gid: Number(gid) };
}

async function freeLoopbackPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.listen(0, '127.0.0.1', resolve).once('error', reject));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class PrivatePostgres {
  private readonly data: string;
  private readonly log: string;
  private stopped = false;
  private readonly onExit = () => this.stopSync();

  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    private readonly runAs: RunAs | undefined,
    readonly port: number,
  ) {
    this.data = path.join(dir, 'data');
    this.log = path.join(dir, 'postgres.log');
  }

  /** initdb + start. The caller must `stop()` it (an exit hook stops it too if the process ends first). */
  static async start(bin: string): Promise<PrivatePostgres> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-pg-'));
    const runAs = process.getuid?.() === 0 ? postgresSystemUser() : undefined;
    if (runAs) fs.chownSync(dir, runAs.uid, runAs.gid);
    const cluster = new PrivatePostgres(bin, dir, runAs, await freeLoopbackPort());
    process.on('exit', cluster.onExit);
    try {
      await cluster.run('initdb', ['-D', cluster.data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']);
      // Speed over durability of the machine: fsync off is safe against process crashes (the OS keeps the writes),
      // which is all this test inflicts; commits stay synchronous, so an acknowledged commit is in the WAL.
      fs.appendFileSync(
        path.join(cluster.data, 'postgresql.conf'),
        [
          '',
          `port = ${cluster.port}`,
          "listen_addresses = '127.0.0.1'",
          `unix_socket_directories = '${dir}'`,
          'fsync = off',
          'full_page_writes = off',
          'max_connections = 40',
          'shared_buffers = 32MB',
          '',
        ].join('\n'),
      );
      await cluster.startServer();
    } catch (err) {
      await cluster.stop();
      throw err;
    }
    return cluster;
  }

  /** A connection string to `database` on this cluster. */
  url(database = 'postgres', applicationName?: string): string {
    const u = new URL(`postgres://postgres@127.0.0.1:${this.port}/${database}`);
    if (applicationName) u.searchParams.set('application_name', applicationName);
    return u.toString();
  }

  /** Runs one statement on a fresh connection (which survives no restart, so none is kept). */
  async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = [], database = 'postgres'): Promise<R[]> {
    const c = new pg.Client({ connectionString: this.url(database), application_name: 'kc-fault-admin' });
    c.on('error', () => undefined);
    await c.connect();
    try {
      return (await c.query<R>(sql, params)).rows;
    } finally {
      await c.end().catch(() => undefined);
    }
  }

  /** The postmaster's pid, from postmaster.pid. */
  postmasterPid(): number | undefined {
    try {
      const pid = Number(fs.readFileSync(path.join(this.data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  /** Starts the server and waits until it accepts connections (crash recovery included). */
  async startServer(): Promise<void> {
    // After a kill -9 the old backends notice their postmaster's death and exit within moments; until they have, the
    // new postmaster refuses to start ("pre-existing shared memory block is still in use"), so it is tried again.
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        await this.run('pg_ctl', ['start', '-D', this.data, '-l', this.log, '-w', '-t', '30']);
        return;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await sleep(200);
      }
    }
  }

  /** `pg_ctl restart -m fast`: what an operator's restart (or a package upgrade) does. */
  async restart(): Promise<void> {
    await this.run('pg_ctl', ['restart', '-D', this.data, '-l', this.log, '-m', 'fast', '-w', '-t', '30']);
  }

  /** `pg_ctl stop -m immediate`: every server process quits at once, without a checkpoint (recovery at the next start). */
  async stopImmediate(): Promise<void> {
    await this.run('pg_ctl', ['stop', '-D', this.data, '-m', 'immediate', '-w', '-t', '30']);
  }

  /** kill -9 of the postmaster, as a crash does; returns once it is gone. */
  async killPostmaster(): Promise<void> {
    const pid = this.postmasterPid();
    if (!pid) throw new Error('no postmaster.pid: the server is not running');
    process.kill(pid, 'SIGKILL');
    const deadline = Date.now() + 10_000;
    while (alive(pid)) {
      if (Date.now() > deadline) throw new Error(`postmaster ${pid} survived SIGKILL`);
      await sleep(50);
    }
  }

  /** The server's log (for failure messages). */
  serverLog(): string {
    try {
      return fs.readFileSync(this.log, 'utf8').slice(-4000);
    } catch {
      return '';
    }
  }

  /** Stops the server (immediate: nothing is kept anyway) and removes the cluster; no postgres process is left. */
  async stop(): Promise<void> {
    this.stopSync();
  }

  private stopSync(): void {
    if (this.stopped) return;
    this.stopped = true;
    process.off('exit', this.onExit);
    const pid = this.postmasterPid();
    if (pid && alive(pid)) {
      spawnSync(path.join(this.bin, 'pg_ctl'), ['stop', '-D', this.data, '-m', 'immediate', '-w', '-t', '20'], { ...this.spawnIdentity(), stdio: 'ignore' });
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
    // Children of a killed postmaster (backends, walwriter, ...) exit on their own once they notice; do not wait.
    for (const child of this.serverProcesses()) {
      try {
        process.kill(child, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    const deadline = Date.now() + 5000;
    while (this.serverProcesses().length > 0 && Date.now() < deadline) spawnSync('sleep', ['0.05']);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** Pids of the server processes (postmaster and children) of this cluster still running. */
  serverProcesses(): number[] {
    const pids: number[] = [];
    const postgres = fs.realpathSync(path.join(this.bin, 'postgres'));
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        // A child's cmdline is rewritten ("postgres: walwriter"), but its executable stays the server binary and its
        // working directory stays the data directory.
        if (fs.readlinkSync(`/proc/${name}/exe`) !== postgres) continue;
        // ("(deleted)" is appended once the directory is removed.)
        const cwd = fs.readlinkSync(`/proc/${name}/cwd`);
        if (cwd !== this.data && cwd !== `${this.data} (deleted)`) continue;
        pids.push(Number(name));
      } catch {
        // Gone, or not ours to inspect.
      }
    }
    return pids;
  }

  private spawnIdentity(): { uid?: number; gid?: number } {
    return this.runAs ? { uid: this.runAs.uid, gid: this.runAs.gid } : {};
  }

  private run(program: string, args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(
        path.join(this.bin, program),
        args,
        { ...this.spawnIdentity(), cwd: this.dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' }, timeout: 60_000 },
        (err, stdout, stderr) => {
          if (err) reject(new Error(`${program} ${args.join(' ')} failed: ${err.message}\n${stderr}\n${this.serverLog()}`));
          else resolve(stdout);
        },
      );
    });
  }
}

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Analysis frames from ffmpeg without copies (issue 14: a gate camera with nobody in view must cost next to nothing).
 * Through an ordinary stdio pipe Node reads the raw frames (640×360 RGB = 691 kB, 5 a second) in 64 kB chunks, each a
 * new buffer, and the frame is then glued together by a second copy: 7 MB/s of short-lived memory, and the garbage
 * collector was the largest single cost of an idle gate. Here ffmpeg writes into a named pipe (FIFO) that Node reads
 * with a user buffer (`net.Socket` `onread`): the kernel copies each chunk straight into the frame's own buffer, one
 * allocation per frame and nothing else.
 *
 * The FIFO is made once per camera in a private directory (mode 0700, the pipe 0600) and reopened for every ffmpeg
 * run. The read end is opened non-blocking before ffmpeg starts, so opening never waits for a writer, and ffmpeg's
 * open of the write end (blocking) finds a reader at once.
 */
/** Free frame buffers kept for reuse: enough for the frames in flight at 5/s; more would only hold memory. */
const POOL_MAX = 4;

export class FrameFifo {
  readonly path: string;
  private readonly dir: string;

  private constructor(dir: string) {
    this.dir = dir;
    this.path = path.join(dir, 'frames.rgb');
  }

  /** A new FIFO, or undefined where one cannot be made (no mkfifo): the caller then reads a stdio pipe instead. */
  static create(): FrameFifo | undefined {
    let dir: string | undefined;
    try {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-frames-'));
      const fifo = new FrameFifo(dir);
      execFileSync('mkfifo', ['-m', '600', fifo.path], { stdio: 'ignore' });
      return fifo;
    } catch {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
      return undefined;
    }
  }

  /**
   * Opens the read end for one ffmpeg run; `onFrame` receives each whole frame in a buffer of its own (the receiver
   * may keep it) and a `release` to give the buffer back once nobody reads it any more (it is then refilled by a later
   * frame). Call before spawning ffmpeg; close() when the run has ended.
   */
  open(frameBytes: number, onFrame: (frame: Buffer, release: () => void) => void, onError: (err: Error) => void): { close(): void } {
    const fd = fs.openSync(this.path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    // Buffers given back by the receiver (a frame the gate skipped) are filled again instead of allocating a new one.
    const free: Buffer[] = [];
    const take = () => {
      const b = free.pop();
      return b && b.length === frameBytes ? b : Buffer.allocUnsafeSlow(frameBytes);
    };
    const releaser = (b: Buffer) => {
      let done = false;
      return () => {
        if (done || free.length >= POOL_MAX) return;
        done = true;
        free.push(b);
      };
    };
    let frame = take();
    let filled = 0;
    // `onread` is documented for net.Socket (Node ≥ 12) but missing from @types/node's constructor options.
    const options = {
      fd,
      readable: true,
      writable: false,
      onread: {
        // Each read lands in the unfilled rest of the current frame: a read never spans two frames.
        buffer: () => frame.subarray(filled),
        callback: (nread: number) => {
          filled += nread;
          if (filled < frameBytes) return true;
          const full = frame;
          frame = take();
          filled = 0;
          onFrame(full, releaser(full));
          return true;
        },
      },
    };
    const socket = new net.Socket(options as net.SocketConstructorOpts);
    socket.on('error', onError);
    return { close: () => socket.destroy() };
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

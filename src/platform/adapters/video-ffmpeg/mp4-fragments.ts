/**
 * Splits ffmpeg's fragmented-MP4 output (`-movflags frag_keyframe+empty_moov+default_base_moof`) into what Media
 * Source Extensions want: one init segment (ftyp+moov) and then moof+mdat pairs. Each fragment is tagged with
 * whether it starts on a sync sample, so a viewer who joins late can be started on a keyframe.
 */
export interface FragmentSink {
  init(init: Buffer, mime: string): void;
  fragment(fragment: Buffer, keyframe: boolean): void;
}

const NON_SYNC = 0x0001_0000;

export class Mp4FragmentSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private initParts: Buffer[] = [];
  private moof: Buffer | undefined;
  private trexDefaultFlags = 0;
  private initDone = false;

  constructor(private readonly sink: FragmentSink) {}

  /** Forget any partial state: the next bytes start a new stream (after a reconnect). */
  reset(): void {
    this.pending = [];
    this.pendingBytes = 0;
    this.initParts = [];
    this.moof = undefined;
    this.initDone = false;
  }

  push(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    for (;;) {
      const head = this.peek(8);
      if (!head) return;
      let size = head.readUInt32BE(0);
      const type = head.toString('latin1', 4, 8);
      if (size === 1) {
        const big = this.peek(16);
        if (!big) return;
        size = Number(big.readBigUInt64BE(8));
      }
      if (size < 8) throw new Error(`corrupt MP4 box ${JSON.stringify(type)} of size ${size}`);
      if (this.pendingBytes < size) return;
      this.box(type, this.take(size));
    }
  }

  private box(type: string, box: Buffer): void {
    if (!this.initDone) {
      if (type === 'moof') {
        // moov is complete once the first fragment arrives.
        this.initDone = true;
        const init = Buffer.concat(this.initParts);
        this.trexDefaultFlags = readTrexDefaultFlags(init);
        this.sink.init(init, mimeFor(init));
      } else {
        this.initParts.push(box);
        return;
      }
    }
    if (type === 'moof') this.moof = box;
    else if (type === 'mdat' && this.moof) {
      const keyframe = (firstSampleFlags(this.moof, this.trexDefaultFlags) & NON_SYNC) === 0;
      this.sink.fragment(Buffer.concat([this.moof, box]), keyframe);
      this.moof = undefined;
    }
  }

  private peek(n: number): Buffer | undefined {
    if (this.pendingBytes < n) return undefined;
    if ((this.pending[0] as Buffer).length < n) this.pending = [Buffer.concat(this.pending)];
    return (this.pending[0] as Buffer).subarray(0, n);
  }

  private take(n: number): Buffer {
    const all = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending);
    const out = Buffer.from(all.subarray(0, n));
    const rest = all.subarray(n);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
    return out;
  }
}

/** Child boxes of a container box's payload. */
function* children(buf: Buffer, start: number, end: number): Generator<{ type: string; start: number; end: number }> {
  let pos = start;
  while (pos + 8 <= end) {
    const size = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    if (size < 8 || pos + size > end) return;
    yield { type, start: pos, end: pos + size };
    pos += size;
  }
}

function find(buf: Buffer, start: number, end: number, path: string[]): { start: number; end: number } | undefined {
  const [first, ...rest] = path;
  for (const c of children(buf, start, end)) {
    if (c.type !== first) continue;
    if (rest.length === 0) return c;
    const found = find(buf, c.start + 8, c.end, rest);
    if (found) return found;
  }
  return undefined;
}

function readTrexDefaultFlags(init: Buffer): number {
  const trex = find(init, 0, init.length, ['moov', 'mvex', 'trex']);
  // trex: header 8, version/flags 4, track_ID 4, default_sample_description_index 4, duration 4, size 4, flags 4
  return trex && trex.end - trex.start >= 32 ? init.readUInt32BE(trex.start + 28) : 0;
}

/** sample_flags of the first sample of the first track run: trun first_sample_flags, per-sample flags, tfhd default, trex default. */
export function firstSampleFlags(moof: Buffer, trexDefault: number): number {
  const tfhd = find(moof, 0, moof.length, ['moof', 'traf', 'tfhd']);
  const trun = find(moof, 0, moof.length, ['moof', 'traf', 'trun']);
  let flags = trexDefault;
  if (tfhd) {
    const tf = moof.readUInt32BE(tfhd.start + 8) & 0xffffff;
    let p = tfhd.start + 16; // after header, version/flags, track_ID
    if (tf & 0x01) p += 8;
    if (tf & 0x02) p += 4;
    if (tf & 0x08) p += 4;
    if (tf & 0x10) p += 4;
    if (tf & 0x20) flags = moof.readUInt32BE(p);
  }
  if (trun) {
    const tr = moof.readUInt32BE(trun.start + 8) & 0xffffff;
    let p = trun.start + 16; // after header, version/flags, sample_count
    if (tr & 0x01) p += 4;
    if (tr & 0x04) return moof.readUInt32BE(p);
    if (tr & 0x400) {
      if (tr & 0x100) p += 4;
      if (tr & 0x200) p += 4;
      return moof.readUInt32BE(p);
    }
  }
  return flags;
}

/** `video/mp4; codecs="avc1.PPCCLL"` from the avcC box of the init segment (what MediaSource.addSourceBuffer needs). */
export function mimeFor(init: Buffer): string {
  const at = init.indexOf('avcC', 0, 'latin1');
  if (at > 0 && at + 8 <= init.length) {
    const hex = (n: number) => (init[at + n] as number).toString(16).padStart(2, '0');
    return `video/mp4; codecs="avc1.${hex(5)}${hex(6)}${hex(7)}"`;
  }
  const hvc = init.indexOf('hvcC', 0, 'latin1');
  if (hvc > 0) return 'video/mp4; codecs="hvc1"';
  return 'video/mp4';
}

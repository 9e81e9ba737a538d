/**
 * Float32 input buffers kept between inference runs, per length. Why: a fresh 3 MB buffer per 720p frame (YuNet's
 * 640×384 input) cost about 1 ms of page faults and garbage collection per frame, a visible share of the 25 ms budget.
 * A buffer is taken for one session.run and given back once that run has resolved, so concurrent runs never share
 * one (session.run is asynchronous). A taken buffer holds old values: the caller writes every element it relies on.
 */
export class InputBuffers {
  private readonly free = new Map<number, Float32Array[]>();

  constructor(private readonly keepPerLength = 2) {}

  take(length: number): Float32Array {
    return this.free.get(length)?.pop() ?? new Float32Array(length);
  }

  give(buffer: Float32Array): void {
    const list = this.free.get(buffer.length) ?? [];
    if (list.length < this.keepPerLength) list.push(buffer);
    this.free.set(buffer.length, list);
  }

  /** `fn` with a buffer of `length` floats, given back when its promise settles. */
  async with<T>(length: number, fn: (buffer: Float32Array) => Promise<T>): Promise<T> {
    const buffer = this.take(length);
    try {
      return await fn(buffer);
    } finally {
      this.give(buffer);
    }
  }
}

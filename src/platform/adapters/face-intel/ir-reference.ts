import type { IrLayer, IrNet } from './ir-reader';
import { readBlob } from './ir-reader';

/**
 * A deliberately plain interpreter of the IR (nested loops, float64 sums, one image, straight from the `.xml` and the
 * FP16 `.bin`) that shares nothing with the ONNX conversion but the file readers: the test compares the converted
 * graph on onnxruntime against it. Too slow for the product (about a second per face); for tests only.
 */

interface T {
  c: number;
  h: number;
  w: number;
  d: Float64Array;
}

const nums = (s: string | undefined) => (s ?? '0,0').split(',').map(Number) as [number, number];

function conv(x: T, l: IrLayer, bin: Uint8Array): T {
  const [kh, kw] = nums(l.data.kernel);
  const [sh, sw] = nums(l.data.strides);
  const [ph, pw] = nums(l.data.pads_begin);
  const group = Number(l.data.group ?? 1);
  const out = l.outputs[0]?.dims as number[];
  const co = out[1] as number;
  const ho = out[2] as number;
  const wo = out[3] as number;
  const wt = readBlob(bin, l.blobs.weights as { offset: number; size: number }, l.precision);
  const bias = l.blobs.biases ? readBlob(bin, l.blobs.biases, l.precision) : undefined;
  const cinG = x.c / group;
  const coutG = co / group;
  const y = new Float64Array(co * ho * wo);
  for (let o = 0; o < co; o++) {
    const g = Math.floor(o / coutG);
    for (let yy = 0; yy < ho; yy++) {
      for (let xx = 0; xx < wo; xx++) {
        let s = bias ? (bias[o] as number) : 0;
        for (let i = 0; i < cinG; i++) {
          const ci = g * cinG + i;
          for (let ky = 0; ky < kh; ky++) {
            const iy = yy * sh - ph + ky;
            if (iy < 0 || iy >= x.h) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ix = xx * sw - pw + kx;
              if (ix < 0 || ix >= x.w) continue;
              s += (wt[((o * cinG + i) * kh + ky) * kw + kx] as number) * (x.d[(ci * x.h + iy) * x.w + ix] as number);
            }
          }
        }
        y[(o * ho + yy) * wo + xx] = s;
      }
    }
  }
  return { c: co, h: ho, w: wo, d: y };
}

function map(x: T, f: (v: number, c: number) => number): T {
  const d = new Float64Array(x.d.length);
  const hw = x.h * x.w;
  for (let i = 0; i < d.length; i++) d[i] = f(x.d[i] as number, Math.floor(i / hw));
  return { ...x, d };
}

/** Runs the IR on one planar 3×H×W input (values as the graph expects, BGR 0–255 here); returns the flat output. */
export function runIrReference(net: IrNet, bin: Uint8Array, input: Float32Array): Float64Array {
  const dims = net.layers.find((l) => l.type === 'Input')?.outputs[0]?.dims as number[];
  const values = new Map<string, T>();
  let last: T | undefined;
  for (const l of net.layers) {
    const ins = net.edges
      .filter((e) => e.toLayer === l.id)
      .sort((a, b) => Number(a.toPort) - Number(b.toPort))
      .map((e) => values.get(e.fromLayer) as T);
    const x = ins[0] as T;
    let y: T;
    if (l.type === 'Input') y = { c: dims[1] as number, h: dims[2] as number, w: dims[3] as number, d: Float64Array.from(input) };
    else if (l.type === 'ScaleShift') {
      const w = readBlob(bin, l.blobs.weights as { offset: number; size: number }, l.precision);
      const b = readBlob(bin, l.blobs.biases as { offset: number; size: number }, l.precision);
      y = map(x, (v, c) => v * (w[c] as number) + (b[c] as number));
    } else if (l.type === 'Convolution') y = conv(x, l, bin);
    else if (l.type === 'PReLU') {
      const w = readBlob(bin, l.blobs.weights as { offset: number; size: number }, l.precision);
      y = map(x, (v, c) => (v >= 0 ? v : v * (w[w.length === 1 ? 0 : c] as number)));
    } else if (l.type === 'Activation') y = map(x, (v) => 1 / (1 + Math.exp(-v)));
    else if (l.type === 'Pooling') {
      const d = new Float64Array(x.c);
      for (let c = 0; c < x.c; c++) {
        let s = 0;
        for (let i = 0; i < x.h * x.w; i++) s += x.d[c * x.h * x.w + i] as number;
        d[c] = s / (x.h * x.w);
      }
      y = { c: x.c, h: 1, w: 1, d };
    } else if (l.type === 'Eltwise') {
      const b = ins[1] as T;
      const mul = l.data.operation === 'mul';
      const hw = x.h * x.w;
      // The SE gate is C×1×1, broadcast over the feature map.
      y = { ...x, d: new Float64Array(x.d.length) };
      for (let i = 0; i < y.d.length; i++) {
        const c = Math.floor(i / hw);
        const o = b.h * b.w === 1 ? (b.d[c] as number) : (b.d[i] as number);
        y.d[i] = mul ? (x.d[i] as number) * o : (x.d[i] as number) + o;
      }
    } else throw new Error(`reference: ${l.type} not handled`);
    values.set(l.id, y);
    last = y;
  }
  return (last as T).d;
}

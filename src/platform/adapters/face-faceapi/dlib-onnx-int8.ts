import type { OnnxGraph, OnnxInitializer, OnnxNode } from '../face-onnx/onnx-proto';

/**
 * 8-bit version of the dlib descriptor graph, in ONNX's QDQ form: QuantizeLinear → DequantizeLinear pairs around the
 * activations and int8 weights behind DequantizeLinear, which onnxruntime's graph optimizer fuses into QLinearConv /
 * QLinearAdd kernels. Measured on this machine kind (AVX-512 VNNI): 2.1× faster per face than float32 (one crop 5.4 →
 * 2.6 ms, four 19 → 7.6 ms), descriptors at cosine ≥ 0.998 to the float ones (median 0.9996, 300 celeba crops);
 * bench/RESULTS.md has the recognition figures.
 *
 * Weights: symmetric int8 per output channel (face-api ships them 8-bit already, so little is lost). Activations:
 * asymmetric uint8 per tensor over the range with the least quantization error on calibration faces
 * (DLIB_ACTIVATION_RANGES, made by bench/faces/calibrate-int8.ts; the plain min–max range gave cosine ≥ 0.997);
 * values outside it saturate. The input pixels (0–255) quantize exactly with scale 1.
 */

/** Activation range [min, max] per quantized tensor name of dlibOnnxGraph. */
export type ActivationRanges = Readonly<Record<string, readonly [number, number]>>;

/**
 * The tensors whose values get quantized: the graph input, every Relu and MaxPool output, and each Conv output that
 * does not go through a Relu (the second conv of a residual block, before the Add). A Relu followed by its quantizer is
 * folded away by the optimizer, so quantizing after the Relu gives a fused conv+relu kernel.
 */
export function quantizedTensors(graph: OnnxGraph): string[] {
  const consumers = new Map<string, OnnxNode[]>();
  for (const n of graph.nodes) for (const i of n.inputs) consumers.set(i, [...(consumers.get(i) ?? []), n]);
  const out = ['input'];
  for (const n of graph.nodes) {
    const o = n.outputs[0] as string;
    if (n.op === 'Relu' || n.op === 'MaxPool') out.push(o);
    else if (n.op === 'Conv' && !(consumers.get(o) ?? []).some((c) => c.op === 'Relu')) out.push(o);
  }
  return out;
}

/** The float graph with every quantized activation (but the input) as an extra output, to measure their ranges. */
export function calibrationGraph(graph: OnnxGraph): OnnxGraph {
  const extra = quantizedTensors(graph).filter((t) => t !== 'input');
  return { ...graph, outputs: [...graph.outputs, ...extra.map((name) => ({ name, dims: ['N', 'C', 'H', 'W'] }))] };
}

type FloatInit = { name: string; dims: readonly number[]; float: Float32Array };

function floatInit(inits: Map<string, OnnxInitializer>, name: string): FloatInit {
  const i = inits.get(name);
  if (!i || !('float' in i)) throw new Error(`int8 graph: ${name} is not a float initializer`);
  return i;
}

/** uint8 scale and zero point covering [min, max] (widened to include 0, so zero stays exact). */
function activationParams([min, max]: readonly [number, number]): { scale: number; zero: number } {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  const scale = (hi - lo) / 255 || 1;
  return { scale, zero: Math.round(-lo / scale) };
}

/**
 * The QDQ int8 graph of a float dlib graph, given the activation ranges of every tensor in quantizedTensors.
 * Every conv is quantized: keeping the last stages float was measured to help little (pairwise similarity error
 * 0.0022 → 0.0016 with the last two stages float) for 1.7× the time.
 */
export function quantizeGraph(graph: OnnxGraph, ranges: ActivationRanges): OnnxGraph {
  // Quantization parameters of every quantized tensor: the map's keys are the tensors to quantize.
  const params = new Map<string, { scale: number; zero: number }>([['input', { scale: 1, zero: 0 }]]);
  for (const t of quantizedTensors(graph)) {
    if (t === 'input') continue;
    const r = ranges[t];
    if (!r) throw new Error(`int8 graph: no calibration range for ${t} (re-run bench/faces/calibrate-int8.ts)`);
    params.set(t, activationParams(r));
  }
  const inits = new Map(graph.initializers.map((i) => [i.name, i]));
  const initializers: OnnxInitializer[] = [];
  const nodes: OnnxNode[] = [];
  const renamed = new Map<string, string>();
  const convWeights = new Set<string>();

  const quantizeActivation = (t: string) => {
    const p = params.get(t) as { scale: number; zero: number };
    initializers.push({ name: `${t}/s`, dims: [], float: Float32Array.of(p.scale) }, { name: `${t}/z`, dims: [], uint8: Uint8Array.of(p.zero) });
    nodes.push(
      { op: 'QuantizeLinear', inputs: [t, `${t}/s`, `${t}/z`], outputs: [`${t}/q`], name: `${t}/q` },
      { op: 'DequantizeLinear', inputs: [`${t}/q`, `${t}/s`, `${t}/z`], outputs: [`${t}/dq`], name: `${t}/dq` },
    );
    renamed.set(t, `${t}/dq`);
  };
  /** A per-output-channel quantized weight (int8) or bias (int32) behind its DequantizeLinear; zero points are 0. */
  const perChannel = (name: string, dims: readonly number[], values: { int8: Int8Array } | { int32: Int32Array }, scales: Float32Array) => {
    const count = dims[0] as number;
    const zero = 'int8' in values ? { int8: new Int8Array(count) } : { int32: new Int32Array(count) };
    initializers.push({ name: `${name}/q`, dims, ...values }, { name: `${name}/s`, dims: [count], float: scales }, { name: `${name}/z`, dims: [count], ...zero });
    nodes.push({ op: 'DequantizeLinear', inputs: [`${name}/q`, `${name}/s`, `${name}/z`], outputs: [`${name}/dq`], name: `${name}/dq`, attributes: { axis: { i: 0 } } });
    return `${name}/dq`;
  };

  quantizeActivation('input');
  for (const n of graph.nodes) {
    const inputs = n.inputs.map((i) => renamed.get(i) ?? i);
    if (n.op === 'Conv') {
      const w = floatInit(inits, n.inputs[1] as string);
      const b = floatInit(inits, n.inputs[2] as string);
      convWeights.add(w.name).add(b.name);
      const inputScale = (params.get(n.inputs[0] as string) as { scale: number }).scale;
      const cout = w.dims[0] as number;
      const per = w.float.length / cout;
      const wScale = new Float32Array(cout);
      const wq = new Int8Array(w.float.length);
      const bScale = new Float32Array(cout);
      const bq = new Int32Array(cout);
      for (let o = 0; o < cout; o++) {
        let absMax = 0;
        for (let i = 0; i < per; i++) absMax = Math.max(absMax, Math.abs(w.float[o * per + i] as number));
        const s = absMax / 127 || 1;
        wScale[o] = s;
        for (let i = 0; i < per; i++) wq[o * per + i] = Math.round((w.float[o * per + i] as number) / s);
        // The bias is added to the int32 accumulator, whose unit is input scale × weight scale.
        bScale[o] = inputScale * s;
        bq[o] = Math.round((b.float[o] as number) / (bScale[o] as number));
      }
      const wdq = perChannel(w.name, w.dims, { int8: wq }, wScale);
      const bdq = perChannel(b.name, b.dims, { int32: bq }, bScale);
      nodes.push({ ...n, inputs: [inputs[0] as string, wdq, bdq] });
    } else {
      nodes.push({ ...n, inputs });
    }
    if (params.has(n.outputs[0] as string)) quantizeActivation(n.outputs[0] as string);
  }
  for (const i of graph.initializers) if (!convWeights.has(i.name)) initializers.push(i);
  return { ...graph, name: `${graph.name}_int8`, nodes, initializers };
}

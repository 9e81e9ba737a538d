import { encodeOnnxModel, type OnnxGraph, type OnnxInitializer, type OnnxNode } from '../face-onnx/onnx-proto';
import { type IrLayer, type IrNet, readBlob } from './ir-reader';

/**
 * Converts an OpenVINO IR v5 feed-forward net (as face-reidentification-retail-0095 uses: Input, ScaleShift,
 * Convolution incl. grouped/depthwise, PReLU, Eltwise mul/sum, avg Pooling, sigmoid Activation) to an ONNX graph,
 * one ONNX node per IR layer, weights decoded from FP16 to float32. Any other layer type or attribute is refused,
 * so a different IR fails loudly at install time instead of producing wrong embeddings.
 * Graph input "input": N×C×H×W float (for this model BGR 0–255; the ScaleShift does the normalisation);
 * output "embedding": N×D (not normalised). The batch dimension is symbolic although the IR was exported for 1.
 */

const ints = (s: string | undefined, what: string): number[] => {
  if (s === undefined) throw new Error(`IR layer attribute ${what} missing`);
  return s.split(',').map((v) => Number(v.trim()));
};

/** Topological order of the layers (IR files list them in order, but nothing in the format promises it). */
function ordered(net: IrNet): IrLayer[] {
  const byId = new Map(net.layers.map((l) => [l.id, l]));
  const pending = new Map(net.layers.map((l) => [l.id, net.edges.filter((e) => e.toLayer === l.id).length]));
  const ready = net.layers.filter((l) => pending.get(l.id) === 0).map((l) => l.id);
  const out: IrLayer[] = [];
  while (ready.length) {
    const id = ready.shift() as string;
    out.push(byId.get(id) as IrLayer);
    for (const e of net.edges.filter((x) => x.fromLayer === id)) {
      const left = (pending.get(e.toLayer) as number) - 1;
      pending.set(e.toLayer, left);
      if (left === 0) ready.push(e.toLayer);
    }
  }
  if (out.length !== net.layers.length) throw new Error('OpenVINO IR graph has a cycle or dangling edges');
  return out;
}

export function irToOnnxGraph(net: IrNet, bin: Uint8Array): OnnxGraph {
  const nodes: OnnxNode[] = [];
  const initializers: OnnxInitializer[] = [];
  const tensor = (layerId: string, port: string) => `l${layerId}_p${port}`;
  const inputsOf = (l: IrLayer) =>
    net.edges
      .filter((e) => e.toLayer === l.id)
      .sort((a, b) => Number(a.toPort) - Number(b.toPort))
      .map((e) => tensor(e.fromLayer, e.fromPort));
  const weight = (l: IrLayer, blob: string, dims: number[]): string => {
    const b = l.blobs[blob];
    if (!b) throw new Error(`IR layer ${l.name} (${l.type}) has no ${blob} blob`);
    const values = readBlob(bin, b, l.precision);
    if (values.length !== dims.reduce((x, y) => x * y, 1)) throw new Error(`IR layer ${l.name}: ${blob} holds ${values.length} values, expected ${dims.join('×')}`);
    const name = `l${l.id}_${blob}`;
    initializers.push({ name, dims, float: values });
    return name;
  };
  let graphInput: { name: string; dims: (number | string)[] } | undefined;
  const consumed = new Set(net.edges.map((e) => `${e.fromLayer}:${e.fromPort}`));
  const outputs: { name: string; dims: number[] }[] = [];

  for (const l of ordered(net)) {
    const ins = inputsOf(l);
    const out = l.outputs[0];
    if (!out) throw new Error(`IR layer ${l.name} has no output port`);
    const o = tensor(l.id, out.id);
    const channels = out.dims[1] as number;
    const push = (op: string, inputs: string[], attributes?: OnnxNode['attributes']) =>
      nodes.push({ op, inputs, outputs: [o], name: `${l.type}_${l.name}`, ...(attributes ? { attributes } : {}) });
    switch (l.type) {
      case 'Input':
        graphInput = { name: 'input', dims: ['N', ...out.dims.slice(1)] };
        push('Identity', ['input']);
        break;
      case 'ScaleShift': {
        // Per-channel x·w + b (the IR's fused mean/scale); kept as Mul + Add: the next conv pads with zeros, so
        // folding the shift into it would change the border pixels.
        const scaled = `${o}_scaled`;
        nodes.push({ op: 'Mul', inputs: [ins[0] as string, weight(l, 'weights', [1, channels, 1, 1])], outputs: [scaled], name: `${l.name}_mul` });
        push('Add', [scaled, weight(l, 'biases', [1, channels, 1, 1])]);
        break;
      }
      case 'Convolution': {
        const group = Number(l.data.group ?? 1);
        const kernel = ints(l.data.kernel, 'kernel');
        const cin = l.inputs[0]?.dims[1] as number;
        const pb = ints(l.data.pads_begin, 'pads_begin');
        const pe = ints(l.data.pads_end, 'pads_end');
        if (l.data.auto_pad && l.data.auto_pad !== 'explicit') throw new Error(`IR layer ${l.name}: auto_pad ${l.data.auto_pad} is not supported`);
        const inputs = [ins[0] as string, weight(l, 'weights', [channels, cin / group, ...kernel])];
        if (l.blobs.biases) inputs.push(weight(l, 'biases', [channels]));
        push('Conv', inputs, {
          group: { i: group },
          kernel_shape: { ints: kernel },
          strides: { ints: ints(l.data.strides, 'strides') },
          dilations: { ints: ints(l.data.dilations ?? '1,1', 'dilations') },
          pads: { ints: [...pb, ...pe] },
        });
        break;
      }
      case 'PReLU': {
        const shared = l.data.channel_shared === '1' || l.data.channel_shared === 'true';
        if (shared) {
          // One slope for all channels is LeakyRelu, which onnxruntime fuses into the preceding Conv; its PRelu
          // kernel is a separate broadcasting pass (measured: the whole net 3× slower with PRelu).
          const b = l.blobs.weights;
          const slope = b ? readBlob(bin, b, l.precision) : undefined;
          if (slope?.length !== 1) throw new Error(`IR layer ${l.name}: shared PReLU needs one slope`);
          push('LeakyRelu', [ins[0] as string], { alpha: { f: slope[0] as number } });
        } else push('PRelu', [ins[0] as string, weight(l, 'weights', [channels, 1, 1])]);
        break;
      }
      case 'Activation':
        if (l.data.type !== 'sigmoid') throw new Error(`IR layer ${l.name}: activation ${l.data.type} is not supported`);
        push('Sigmoid', [ins[0] as string]);
        break;
      case 'Eltwise': {
        const op = { mul: 'Mul', sum: 'Add' }[l.data.operation ?? ''];
        if (!op || ins.length !== 2 || l.data.coeff) throw new Error(`IR layer ${l.name}: eltwise ${l.data.operation} is not supported`);
        push(op, ins);
        break;
      }
      case 'Pooling': {
        const kernel = ints(l.data.kernel, 'kernel');
        const inDims = l.inputs[0]?.dims ?? [];
        const pads = [...ints(l.data.pads_begin ?? '0,0', 'pads_begin'), ...ints(l.data.pads_end ?? '0,0', 'pads_end')];
        const global = kernel[0] === inDims[2] && kernel[1] === inDims[3] && pads.every((p) => p === 0);
        const method = l.data['pool-method'];
        if (method === 'avg' && global) push('GlobalAveragePool', [ins[0] as string]);
        else if (method === 'avg' || method === 'max') {
          if (l.data.rounding_type && l.data.rounding_type !== 'floor') throw new Error(`IR layer ${l.name}: rounding ${l.data.rounding_type} is not supported`);
          push(method === 'avg' ? 'AveragePool' : 'MaxPool', [ins[0] as string], {
            kernel_shape: { ints: kernel },
            strides: { ints: ints(l.data.strides, 'strides') },
            pads: { ints: pads },
            ...(method === 'avg' ? { count_include_pad: { i: l.data['exclude-pad'] === 'true' ? 0 : 1 } } : {}),
          });
        } else throw new Error(`IR layer ${l.name}: pooling ${method} is not supported`);
        break;
      }
      default:
        throw new Error(`OpenVINO IR layer type ${l.type} (${l.name}) is not supported by this converter`);
    }
    if (!consumed.has(`${l.id}:${out.id}`)) outputs.push({ name: o, dims: out.dims });
  }
  if (!graphInput) throw new Error('OpenVINO IR without an Input layer');
  if (outputs.length !== 1) throw new Error(`OpenVINO IR with ${outputs.length} outputs; one embedding output expected`);
  const last = outputs[0] as { name: string; dims: number[] };
  const size = last.dims.slice(1).reduce((a, b) => a * b, 1);
  nodes.push({ op: 'Flatten', inputs: [last.name], outputs: ['embedding'], name: 'embedding', attributes: { axis: { i: 1 } } });
  return {
    name: net.name.replace(/[^\w]/g, '_'),
    nodes,
    initializers,
    inputs: [graphInput],
    outputs: [{ name: 'embedding', dims: ['N', size] }],
  };
}

/** Serialised ONNX model (opset 13) with its origin in the doc string. */
export function encodeIrModel(graph: OnnxGraph, origin: string): Uint8Array {
  return encodeOnnxModel(graph, { opset: 13, producer: 'ky-cuong ir-onnx-graph', docString: origin });
}

/**
 * A minimal ONNX (protobuf) encoder: just enough of ModelProto / GraphProto / NodeProto / TensorProto to write a
 * feed-forward graph whose weights we already hold in memory (e.g. converted from an npm package), so it can run on
 * onnxruntime's native kernels without a Python exporter. Field numbers follow onnx/onnx.proto (IR version 8).
 */

/** Attribute values, tagged by ONNX type so 1 (INT) and 1.0 (FLOAT) cannot be confused. */
export type OnnxAttribute = { i: number } | { f: number } | { ints: readonly number[] } | { s: string };

export interface OnnxNode {
  op: string;
  inputs: readonly string[];
  outputs: readonly string[];
  name?: string;
  attributes?: Record<string, OnnxAttribute>;
}

export type OnnxInitializer =
  | { name: string; dims: readonly number[]; float: Float32Array }
  | { name: string; dims: readonly number[]; int64: readonly number[] }
  /** Quantized tensors (QuantizeLinear/DequantizeLinear operands): 8-bit values and 32-bit biases. */
  | { name: string; dims: readonly number[]; int8: Int8Array }
  | { name: string; dims: readonly number[]; uint8: Uint8Array }
  | { name: string; dims: readonly number[]; int32: Int32Array };

/** A graph input/output: float32 tensor; a string dimension is symbolic (e.g. the batch "N"). */
export interface OnnxValueInfo {
  name: string;
  dims: readonly (number | string)[];
}

export interface OnnxGraph {
  name: string;
  nodes: readonly OnnxNode[];
  initializers: readonly OnnxInitializer[];
  inputs: readonly OnnxValueInfo[];
  outputs: readonly OnnxValueInfo[];
}

const FLOAT = 1;
const UINT8 = 2;
const INT8 = 3;
const INT32 = 6;
const INT64 = 7;

/** Growable byte buffer with the protobuf primitives. */
class Writer {
  private chunks: Uint8Array[] = [];
  private bytes: number[] = [];

  private flush(): void {
    if (this.bytes.length) {
      this.chunks.push(Uint8Array.from(this.bytes));
      this.bytes = [];
    }
  }

  varint(value: number | bigint): void {
    // int64 fields take negative values as 10-byte two's complement varints.
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.bytes.push(Number((v & 0x7fn) | 0x80n));
      v >>= 7n;
    }
    this.bytes.push(Number(v));
  }

  tag(field: number, wire: 0 | 1 | 2 | 5): void {
    this.varint((field << 3) | wire);
  }

  int(field: number, value: number): void {
    this.tag(field, 0);
    this.varint(value);
  }

  float(field: number, value: number): void {
    this.tag(field, 5);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, value, true);
    this.bytes.push(...b);
  }

  raw(field: number, data: Uint8Array): void {
    this.tag(field, 2);
    this.varint(data.length);
    this.flush();
    this.chunks.push(data);
  }

  /** Bytes already encoded as protobuf fields, copied as they are. */
  verbatim(data: Uint8Array): void {
    this.flush();
    this.chunks.push(data);
  }

  string(field: number, value: string): void {
    this.raw(field, new TextEncoder().encode(value));
  }

  message(field: number, build: (w: Writer) => void): void {
    const inner = new Writer();
    build(inner);
    this.raw(field, inner.finish());
  }

  finish(): Uint8Array {
    this.flush();
    const total = this.chunks.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function writeAttribute(w: Writer, name: string, a: OnnxAttribute): void {
  w.string(1, name);
  // AttributeProto: f = 2, i = 3, s = 4, ints = 8, type = 20 (FLOAT 1, INT 2, STRING 3, INTS 7).
  if ('f' in a) {
    w.float(2, a.f);
    w.int(20, 1);
  } else if ('i' in a) {
    w.int(3, a.i);
    w.int(20, 2);
  } else if ('s' in a) {
    w.string(4, a.s);
    w.int(20, 3);
  } else {
    for (const v of a.ints) w.int(8, v);
    w.int(20, 7);
  }
}

function writeNode(w: Writer, n: OnnxNode): void {
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  if (n.name) w.string(3, n.name);
  w.string(4, n.op);
  for (const [name, a] of Object.entries(n.attributes ?? {})) w.message(5, (aw) => writeAttribute(aw, name, a));
}

function writeTensor(w: Writer, t: OnnxInitializer): void {
  for (const d of t.dims) w.int(1, d);
  const [type, values] =
    'float' in t
      ? [FLOAT, Float32Array.from(t.float)]
      : 'int8' in t
        ? [INT8, Int8Array.from(t.int8)]
        : 'uint8' in t
          ? [UINT8, Uint8Array.from(t.uint8)]
          : 'int32' in t
            ? [INT32, Int32Array.from(t.int32)]
            : [INT64, BigInt64Array.from(t.int64.map((v) => BigInt(v)))];
  if (type !== INT64 && values.length !== t.dims.reduce((a, b) => a * b, 1)) throw new Error(`initializer ${t.name}: size does not match dims`);
  w.int(2, type);
  w.string(8, t.name);
  // raw_data is little-endian; the typed copy above makes a view into a larger buffer write only its own bytes.
  w.raw(9, new Uint8Array(values.buffer));
}

function writeValueInfo(w: Writer, v: OnnxValueInfo): void {
  w.string(1, v.name);
  // TypeProto.tensor_type (1) → elem_type (1), shape (2) → dim (1) → dim_value (1) | dim_param (2).
  w.message(2, (tw) =>
    tw.message(1, (tt) => {
      tt.int(1, FLOAT);
      tt.message(2, (sw) => {
        for (const d of v.dims) sw.message(1, (dw) => (typeof d === 'number' ? dw.int(1, d) : dw.string(2, d)));
      });
    }),
  );
}

/** Serialises a graph as an ONNX ModelProto (IR version 8, default-domain opset `opset`). */
export function encodeOnnxModel(graph: OnnxGraph, options: { opset: number; producer: string; docString?: string }): Uint8Array {
  const w = new Writer();
  w.int(1, 8); // ir_version
  w.string(2, options.producer); // producer_name
  if (options.docString) w.string(6, options.docString);
  w.message(7, (g) => {
    for (const n of graph.nodes) g.message(1, (nw) => writeNode(nw, n));
    g.string(2, graph.name);
    for (const t of graph.initializers) g.message(5, (tw) => writeTensor(tw, t));
    for (const i of graph.inputs) g.message(11, (vw) => writeValueInfo(vw, i));
    for (const o of graph.outputs) g.message(12, (vw) => writeValueInfo(vw, o));
  });
  w.message(8, (o) => {
    o.string(1, '');
    o.int(2, options.opset);
  });
  return w.finish();
}

/** One protobuf field as read from the wire: its number, wire type, payload and the bytes it occupied. */
interface WireField {
  field: number;
  wire: number;
  payload: Uint8Array;
  encoded: Uint8Array;
}

/** Splits a protobuf message into its top-level fields without interpreting them. */
function readFields(bytes: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let i = 0;
  const varint = (): number => {
    let value = 0;
    let mul = 1;
    for (;;) {
      const b = bytes[i++];
      if (b === undefined) throw new Error('truncated protobuf');
      value += (b & 0x7f) * mul;
      mul *= 128;
      if (!(b & 0x80)) return value;
    }
  };
  while (i < bytes.length) {
    const start = i;
    const tag = varint();
    const wire = tag & 7;
    let from = i;
    if (wire === 0) varint();
    else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else if (wire === 2) {
      const n = varint();
      from = i;
      i += n;
    } else throw new Error(`unsupported protobuf wire type ${wire}`);
    if (i > bytes.length) throw new Error('truncated protobuf');
    fields.push({ field: Math.floor(tag / 8), wire, payload: bytes.subarray(from, i), encoded: bytes.subarray(start, i) });
  }
  return fields;
}

/**
 * A copy of an ONNX model whose graph inputs and outputs have symbolic dimensions (intermediate shape annotations
 * dropped), so a detector exported for one fixed input size can run on other sizes. Only valid for graphs whose
 * operators do not bake the size in (e.g. Reshape with -1, Resize by scales) — the caller checks its outputs.
 * `keep` fixes named dimensions instead (e.g. batch 1 and 3 channels).
 */
export function withSymbolicShapes(model: Uint8Array, keep: Record<string, (number | null)[]> = {}): Uint8Array {
  const w = new Writer();
  for (const f of readFields(model)) {
    if (f.field !== 7) {
      w.verbatim(f.encoded);
      continue;
    }
    const g = new Writer();
    for (const gf of readFields(f.payload)) {
      if (gf.field === 13) continue; // value_info: fixed intermediate shapes
      if (gf.field !== 11 && gf.field !== 12) {
        g.verbatim(gf.encoded);
        continue;
      }
      const name = new TextDecoder().decode(readFields(gf.payload).find((x) => x.field === 1)?.payload);
      const rank = tensorRank(gf.payload);
      const fixed = keep[name] ?? [];
      const dims = Array.from({ length: rank }, (_, d) => fixed[d] ?? `${name}_d${d}`);
      g.message(gf.field, (vw) => writeValueInfo(vw, { name, dims }));
    }
    w.raw(7, g.finish());
  }
  return w.finish();
}

/** Number of dimensions in a float ValueInfoProto's tensor shape. */
function tensorRank(valueInfo: Uint8Array): number {
  const type = readFields(valueInfo).find((f) => f.field === 2);
  const tensor = type && readFields(type.payload).find((f) => f.field === 1);
  const elem = tensor && readFields(tensor.payload).find((f) => f.field === 1);
  if (elem && elem.payload[0] !== FLOAT) throw new Error('withSymbolicShapes handles float tensors only');
  const shape = tensor && readFields(tensor.payload).find((f) => f.field === 2);
  return shape ? readFields(shape.payload).filter((f) => f.field === 1).length : 0;
}

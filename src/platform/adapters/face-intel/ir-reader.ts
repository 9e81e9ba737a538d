/**
 * Reader for the OpenVINO IR v5 files of Intel's face-reidentification-retail-0095 (`.xml` topology + `.bin` weights).
 * IR v5 is a flat, machine-written XML: `<layer id name type precision>` with an optional `<data …/>` of attributes,
 * `<input>`/`<output>` ports listing `<dim>`s, `<blobs>` giving byte offset and size of each weight in the `.bin`, and
 * an `<edges>` list (from-layer/port → to-layer/port). A few regular expressions read exactly that, so no XML
 * dependency is needed; anything outside this shape is refused rather than guessed.
 */

export interface IrPort {
  id: string;
  dims: number[];
}

export interface IrLayer {
  id: string;
  name: string;
  type: string;
  precision: string;
  data: Record<string, string>;
  inputs: IrPort[];
  outputs: IrPort[];
  blobs: Record<string, { offset: number; size: number }>;
}

export interface IrEdge {
  fromLayer: string;
  fromPort: string;
  toLayer: string;
  toPort: string;
}

export interface IrNet {
  name: string;
  version: number;
  layers: IrLayer[];
  edges: IrEdge[];
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)="([^"]*)"/g)) out[m[1] as string] = m[2] as string;
  return out;
}

function ports(section: string | undefined): IrPort[] {
  if (!section) return [];
  return [...section.matchAll(/<port\s+id="([^"]+)"[^>]*>([\s\S]*?)<\/port>/g)].map((m) => ({
    id: m[1] as string,
    dims: [...(m[2] as string).matchAll(/<dim>\s*(\d+)\s*<\/dim>/g)].map((d) => Number(d[1])),
  }));
}

/** Parses an IR v5 `.xml` (topology only; weights stay in the `.bin`). */
export function parseIrXml(xml: string): IrNet {
  const net = /<net\s+([^>]*)>/.exec(xml);
  if (!net) throw new Error('not an OpenVINO IR: no <net> element');
  const netAttrs = attributes(net[1] as string);
  const version = Number(netAttrs.version);
  if (version !== 5) throw new Error(`OpenVINO IR version ${netAttrs.version ?? '?'} is not supported (only v5)`);
  const layersBlock = /<layers>([\s\S]*?)<\/layers>/.exec(xml)?.[1];
  const edgesBlock = /<edges>([\s\S]*?)<\/edges>/.exec(xml)?.[1];
  if (!layersBlock || !edgesBlock) throw new Error('OpenVINO IR without <layers> or <edges>');
  const layers: IrLayer[] = [];
  for (const m of layersBlock.matchAll(/<layer\s+([^>]*?)(\/>|>([\s\S]*?)<\/layer>)/g)) {
    const a = attributes(m[1] as string);
    const body = m[3] ?? '';
    const dataTag = /<data\s+([^>]*?)\/?>/.exec(body);
    const blobs: IrLayer['blobs'] = {};
    const blobsBlock = /<blobs>([\s\S]*?)<\/blobs>/.exec(body)?.[1] ?? '';
    for (const b of blobsBlock.matchAll(/<(\w+)\s+([^>]*?)\/>/g)) {
      const ba = attributes(b[2] as string);
      blobs[b[1] as string] = { offset: Number(ba.offset), size: Number(ba.size) };
    }
    if (a.id === undefined || !a.type) throw new Error('OpenVINO IR layer without id or type');
    layers.push({
      id: a.id,
      name: a.name ?? a.id,
      type: a.type,
      precision: a.precision ?? 'FP32',
      data: dataTag ? attributes(dataTag[1] as string) : {},
      inputs: ports(/<input>([\s\S]*?)<\/input>/.exec(body)?.[1]),
      outputs: ports(/<output>([\s\S]*?)<\/output>/.exec(body)?.[1]),
      blobs,
    });
  }
  const edges = [...edgesBlock.matchAll(/<edge\s+([^>]*?)\/>/g)].map((m) => {
    const a = attributes(m[1] as string);
    return { fromLayer: a['from-layer'] as string, fromPort: a['from-port'] as string, toLayer: a['to-layer'] as string, toPort: a['to-port'] as string };
  });
  return { name: netAttrs.name ?? 'ir', version, layers, edges };
}

/** IEEE 754 half-precision to a JS number (subnormals, infinities and NaN included). */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** A weight blob of the `.bin` as float32: FP16 blobs decoded (2 bytes per value), FP32 copied. */
export function readBlob(bin: Uint8Array, blob: { offset: number; size: number }, precision: string): Float32Array {
  if (blob.offset < 0 || blob.offset + blob.size > bin.length) throw new Error(`weight blob at ${blob.offset}+${blob.size} lies outside the .bin`);
  const view = new DataView(bin.buffer, bin.byteOffset + blob.offset, blob.size);
  if (precision === 'FP16') {
    const out = new Float32Array(blob.size / 2);
    for (let i = 0; i < out.length; i++) out[i] = halfToFloat(view.getUint16(i * 2, true));
    return out;
  }
  if (precision === 'FP32') {
    const out = new Float32Array(blob.size / 4);
    for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
    return out;
  }
  throw new Error(`weights of precision ${precision} are not supported`);
}

/**
 * A deliberately small XML reader for ONVIF/WS-Discovery answers (SOAP envelopes of a few kilobytes). Namespaces are
 * matched by local name only: cameras use every prefix imaginable for the same namespace. No DTDs and no custom
 * entities (a camera on the LAN is untrusted input: no entity expansion, no external fetches), bounded size.
 */
export interface XmlElement {
  /** Local name, without the prefix. */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text directly inside this element. */
  text: string;
}

export class XmlError extends Error {}

const MAX_XML = 512 * 1024;
const MAX_DEPTH = 64;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, e: string) => {
    if (e.startsWith('#x')) return safeChar(Number.parseInt(e.slice(2), 16), whole);
    if (e.startsWith('#')) return safeChar(Number.parseInt(e.slice(1), 10), whole);
    return ENTITIES[e] ?? whole;
  });
}

function safeChar(code: number, fallback: string): string {
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/** Parses a document and returns its root element; throws XmlError on anything malformed. */
export function parseXml(input: string): XmlElement {
  if (input.length > MAX_XML) throw new XmlError('document too large');
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let i = 0;
  while (i < input.length) {
    const lt = input.indexOf('<', i);
    const top = stack[stack.length - 1] as XmlElement;
    if (lt < 0) {
      top.text += decode(input.slice(i));
      break;
    }
    if (lt > i) top.text += decode(input.slice(i, lt));
    if (input.startsWith('<?', lt)) {
      const end = input.indexOf('?>', lt);
      if (end < 0) throw new XmlError('unterminated processing instruction');
      i = end + 2;
    } else if (input.startsWith('<!--', lt)) {
      const end = input.indexOf('-->', lt);
      if (end < 0) throw new XmlError('unterminated comment');
      i = end + 3;
    } else if (input.startsWith('<![CDATA[', lt)) {
      const end = input.indexOf(']]>', lt);
      if (end < 0) throw new XmlError('unterminated CDATA');
      top.text += input.slice(lt + 9, end);
      i = end + 3;
    } else if (input.startsWith('<!', lt)) {
      throw new XmlError('DTDs are not accepted');
    } else if (input.startsWith('</', lt)) {
      const end = input.indexOf('>', lt);
      if (end < 0) throw new XmlError('unterminated end tag');
      const name = localName(input.slice(lt + 2, end).trim());
      if (stack.length < 2 || top.name !== name) throw new XmlError(`unexpected </${name}>`);
      stack.pop();
      i = end + 1;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(input.slice(lt, lt + 8192));
      if (!m) throw new XmlError(`malformed tag at ${lt}`);
      const attrs: Record<string, string> = {};
      for (const a of (m[2] ?? '').matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
        attrs[localName(a[1] as string)] = decode(a[2] ?? a[3] ?? '');
      const el: XmlElement = { name: localName(m[1] as string), attrs, children: [], text: '' };
      top.children.push(el);
      if (!m[3]) {
        if (stack.length > MAX_DEPTH) throw new XmlError('nested too deeply');
        stack.push(el);
      }
      i = lt + m[0].length;
    }
  }
  if (stack.length !== 1) throw new XmlError('unclosed elements');
  const doc = root.children[0];
  if (!doc || root.children.length !== 1) throw new XmlError('expected one root element');
  return doc;
}

/** First descendant (depth first, the element itself excluded) with this local name. */
export function find(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) {
    if (c.name === name) return c;
    const deep = find(c, name);
    if (deep) return deep;
  }
  return undefined;
}

/** Every descendant with this local name, in document order (not looking inside matches). */
export function findAll(el: XmlElement | undefined, name: string, out: XmlElement[] = []): XmlElement[] {
  if (!el) return out;
  for (const c of el.children) {
    if (c.name === name) out.push(c);
    else findAll(c, name, out);
  }
  return out;
}

/** Trimmed text of the first descendant at this path of local names, e.g. `textAt(env, 'Media', 'XAddr')`. */
export function textAt(el: XmlElement | undefined, ...path: string[]): string | undefined {
  let cur = el;
  for (const p of path) cur = find(cur, p);
  const t = cur?.text.trim();
  return t ? t : undefined;
}

/** Escapes text for an element body or attribute value. */
export function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

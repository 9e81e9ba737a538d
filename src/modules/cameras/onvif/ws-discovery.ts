import { randomUUID } from 'node:crypto';
import dgram from 'node:dgram';
import os from 'node:os';
import { find, findAll, parseXml, textAt, type XmlElement } from './xml';

/**
 * WS-Discovery (the discovery half of ONVIF Profile S): a SOAP-over-UDP Probe to 239.255.255.250:3702, answered by
 * each camera with a unicast ProbeMatches carrying its endpoint id, service addresses (XAddrs) and scopes (name,
 * hardware, location). Cameras only answer on their own link: a router between the server and the cameras stops the
 * multicast, which is why the probe target is configurable (a unicast address probes one known host).
 */
export const WS_DISCOVERY_MULTICAST = '239.255.255.250';
export const WS_DISCOVERY_PORT = 3702;

export interface DiscoveredDevice {
  /** EndpointReference address, usually urn:uuid:…; stable across reboots and address changes. */
  endpoint: string;
  /** The host that answered (or, for a relayed answer, the host of the first service address). */
  address: string;
  xaddrs: string[];
  types: string[];
  scopes: string[];
  name: string | null;
  hardware: string | null;
  location: string | null;
  /** ONVIF profiles the device announces (Streaming = S, G, T …). */
  profiles: string[];
}

export interface ProbeOptions {
  address?: string;
  port?: number;
  timeoutMs?: number;
  /** Local IPv4 addresses to send the multicast probe from; default: every non-internal IPv4 interface. */
  interfaces?: string[];
}

const NS = {
  soap: 'http://www.w3.org/2003/05/soap-envelope',
  wsa: 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
  wsd: 'http://schemas.xmlsoap.org/ws/2005/04/discovery',
};

/**
 * Two probes go out: `dn:NetworkVideoTransmitter` (what ONVIF cameras announce) and `tds:Device` (what some NVRs and
 * older firmware answer to instead). Each has its own MessageID; answers must relate to one of them.
 */
export function buildProbe(messageId: string, type: 'NetworkVideoTransmitter' | 'Device'): string {
  const types =
    type === 'Device'
      ? '<d:Types xmlns:tds="http://www.onvif.org/ver10/device/wsdl">tds:Device</d:Types>'
      : '<d:Types xmlns:dn="http://www.onvif.org/ver10/network/wsdl">dn:NetworkVideoTransmitter</d:Types>';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<e:Envelope xmlns:e="${NS.soap}" xmlns:w="${NS.wsa}" xmlns:d="${NS.wsd}">` +
    '<e:Header>' +
    `<w:MessageID>${messageId}</w:MessageID>` +
    '<w:To e:mustUnderstand="true">urn:schemas-xmlsoap-org:ws:2005:04:discovery</w:To>' +
    '<w:Action e:mustUnderstand="true">http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</w:Action>' +
    '</e:Header>' +
    `<e:Body><d:Probe>${types}</d:Probe></e:Body>` +
    '</e:Envelope>'
  );
}

function scopeValues(scopes: string[], kind: string): string[] {
  const prefix = `onvif://www.onvif.org/${kind}/`;
  return scopes
    .filter((s) => s.toLowerCase().startsWith(prefix.toLowerCase()))
    .map((s) => {
      const raw = s.slice(prefix.length);
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    })
    .filter((v) => v.length > 0);
}

function firstHost(xaddrs: string[]): string | null {
  for (const x of xaddrs) {
    try {
      return new URL(x).hostname;
    } catch {
      // not a URL: try the next one
    }
  }
  return null;
}

/** Parses a ProbeMatches message; returns the RelatesTo id and the matches (empty for any other message). */
export function parseProbeMatches(xml: string, from?: string): { relatesTo: string | null; devices: DiscoveredDevice[] } {
  const env: XmlElement = parseXml(xml);
  const relatesTo = textAt(env, 'Header', 'RelatesTo') ?? null;
  const devices: DiscoveredDevice[] = [];
  for (const m of findAll(find(env, 'ProbeMatches'), 'ProbeMatch')) {
    const xaddrs = (textAt(m, 'XAddrs') ?? '').split(/\s+/).filter((x) => /^https?:\/\//i.test(x));
    const scopes = (textAt(m, 'Scopes') ?? '').split(/\s+/).filter(Boolean);
    const types = (textAt(m, 'Types') ?? '').split(/\s+/).filter(Boolean).map((t) => t.slice(t.indexOf(':') + 1));
    const endpoint = textAt(m, 'EndpointReference', 'Address') ?? xaddrs[0];
    if (!endpoint || xaddrs.length === 0) continue;
    // Prefer the service address on the host that answered: multi-homed cameras list addresses of every interface.
    const ordered = from ? [...xaddrs.filter((x) => hostOf(x) === from), ...xaddrs.filter((x) => hostOf(x) !== from)] : xaddrs;
    const location = scopeValues(scopes, 'location');
    devices.push({
      endpoint,
      address: from ?? firstHost(xaddrs) ?? '',
      xaddrs: ordered,
      types,
      scopes,
      name: scopeValues(scopes, 'name')[0] ?? null,
      hardware: scopeValues(scopes, 'hardware')[0] ?? null,
      location: location.length ? location.join(', ') : null,
      profiles: scopeValues(scopes, 'Profile'),
    });
  }
  return { relatesTo, devices };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

export function isMulticast(address: string): boolean {
  const first = Number(address.split('.')[0]);
  return first >= 224 && first <= 239;
}

function localIPv4(): string[] {
  const out: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  return out;
}

const MAX_DEVICES = 512;

/**
 * Sends the probes and collects answers for `timeoutMs`. A multicast probe goes out once per local interface (the
 * kernel would otherwise pick only the default route's), a unicast one from a single socket. Each probe is sent
 * twice 150 ms apart (SOAP-over-UDP's repeat: UDP may drop a datagram). Answers are deduplicated by endpoint.
 */
export async function probe(opts: ProbeOptions = {}): Promise<DiscoveredDevice[]> {
  const address = opts.address ?? WS_DISCOVERY_MULTICAST;
  const port = opts.port ?? WS_DISCOVERY_PORT;
  const timeoutMs = Math.min(Math.max(opts.timeoutMs ?? 2500, 200), 15_000);
  const multicast = isMulticast(address);
  const sources = multicast ? (opts.interfaces ?? localIPv4()) : [];
  const probes = (['NetworkVideoTransmitter', 'Device'] as const).map((type) => {
    const id = `urn:uuid:${randomUUID()}`;
    return { id, message: Buffer.from(buildProbe(id, type)) };
  });
  const ids = new Set(probes.map((p) => p.id));
  const messages = probes.map((p) => p.message);
  const found = new Map<string, DiscoveredDevice>();
  const sockets: dgram.Socket[] = [];
  const errors: Error[] = [];

  const onMessage = (msg: Buffer, rinfo: dgram.RemoteInfo) => {
    if (found.size >= MAX_DEVICES) return;
    let parsed: ReturnType<typeof parseProbeMatches>;
    try {
      parsed = parseProbeMatches(msg.toString('utf8'), rinfo.address);
    } catch {
      return; // not XML, or not for us: other WS-Discovery traffic shares the group
    }
    // Some firmware omits RelatesTo; an answer that names another request is someone else's.
    if (parsed.relatesTo && !ids.has(parsed.relatesTo)) return;
    for (const d of parsed.devices) if (!found.has(d.endpoint)) found.set(d.endpoint, d);
  };

  const open = (bindAddress?: string) =>
    new Promise<dgram.Socket>((resolve, reject) => {
      const s = dgram.createSocket({ type: 'udp4', reuseAddr: true });
      s.once('error', reject);
      s.on('message', onMessage);
      s.bind({ port: 0, address: bindAddress }, () => {
        s.removeListener('error', reject);
        s.on('error', (err) => errors.push(err));
        try {
          if (multicast && bindAddress) s.setMulticastInterface(bindAddress);
        } catch (err) {
          errors.push(err as Error);
        }
        resolve(s);
      });
    });

  try {
    for (const src of sources.length ? sources : [undefined]) {
      try {
        sockets.push(await open(src));
      } catch (err) {
        errors.push(err as Error);
      }
    }
    if (sockets.length === 0) throw errors[0] ?? new Error('no socket for the discovery probe');
    let sent = 0;
    const sendAll = () => {
      for (const s of sockets)
        for (const m of messages)
          s.send(m, port, address, (err) => {
            if (err) errors.push(err);
            else sent++;
          });
    };
    sendAll();
    await new Promise((r) => setTimeout(r, 150));
    sendAll();
    await new Promise((r) => setTimeout(r, Math.max(timeoutMs - 150, 0)));
    // Not one datagram left this host (no route for multicast, no interface up): say so instead of "nothing found".
    if (sent === 0) throw errors[0] ?? new Error('the discovery probe could not be sent');
  } finally {
    for (const s of sockets) s.close();
  }
  return [...found.values()];
}

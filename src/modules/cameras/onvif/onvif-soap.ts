import { createHash, randomBytes } from 'node:crypto';
import { find, findAll, parseXml, textAt, XmlError, type XmlElement, xmlEscape } from './xml';

/**
 * The few ONVIF calls needed to propose a camera's RTSP addresses: GetSystemDateAndTime (no login, gives the camera's
 * clock), GetCapabilities (where the media service is), GetProfiles and GetStreamUri (Media ver10, which every
 * Profile S camera has). Requests are SOAP 1.2 over HTTP with a WS-Security UsernameToken password digest:
 * Base64(SHA-1(nonce + created + password)); `created` is on the camera's clock, because cameras refuse tokens whose
 * time is too far from their own and many of them never saw an NTP server.
 */
export type OnvifProblem = 'UNREACHABLE' | 'TIMEOUT' | 'AUTH_FAILED' | 'BAD_RESPONSE' | 'NO_PROFILES';

export class OnvifError extends Error {
  constructor(
    readonly problem: OnvifProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface OnvifCredentials {
  username: string;
  password: string;
}

export interface StreamProfile {
  token: string;
  name: string;
  encoding: string | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  uri: string | null;
}

export interface StreamProposal {
  deviceXAddr: string;
  mediaXAddr: string;
  /** Camera clock minus server clock, in seconds (informative: a large value explains failed logins elsewhere). */
  clockOffsetSeconds: number;
  profiles: StreamProfile[];
  /** The largest H.264 profile, for recording and the live main stream. */
  mainUrl: string | null;
  /** The smallest other H.264 profile, for the live wall tiles. */
  subUrl: string | null;
}

const NS_SOAP = 'http://www.w3.org/2003/05/soap-envelope';
const NS_DEVICE = 'http://www.onvif.org/ver10/device/wsdl';
const NS_MEDIA = 'http://www.onvif.org/ver10/media/wsdl';
const NS_SCHEMA = 'http://www.onvif.org/ver10/schema';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const DIGEST_TYPE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';
const B64_TYPE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';
const MAX_RESPONSE = 512 * 1024;
const MAX_PROFILES = 8;

/** The password digest of the UsernameToken profile (also used by the fake device in tests to check it). */
export function passwordDigest(nonce: Buffer, created: string, password: string): string {
  return createHash('sha1').update(Buffer.concat([nonce, Buffer.from(created, 'utf8'), Buffer.from(password, 'utf8')])).digest('base64');
}

export function usernameTokenHeader(creds: OnvifCredentials, created: Date, nonce: Buffer = randomBytes(16)): string {
  // Seconds precision with Z: some firmware rejects fractional seconds in wsu:Created.
  const at = `${created.toISOString().slice(0, 19)}Z`;
  return (
    `<wsse:Security s:mustUnderstand="1" xmlns:wsse="${WSSE}" xmlns:wsu="${WSU}"><wsse:UsernameToken>` +
    `<wsse:Username>${xmlEscape(creds.username)}</wsse:Username>` +
    `<wsse:Password Type="${DIGEST_TYPE}">${passwordDigest(nonce, at, creds.password)}</wsse:Password>` +
    `<wsse:Nonce EncodingType="${B64_TYPE}">${nonce.toString('base64')}</wsse:Nonce>` +
    `<wsu:Created>${at}</wsu:Created>` +
    '</wsse:UsernameToken></wsse:Security>'
  );
}

export function envelope(body: string, header = ''): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<s:Envelope xmlns:s="${NS_SOAP}" xmlns:tds="${NS_DEVICE}" xmlns:trt="${NS_MEDIA}" xmlns:tt="${NS_SCHEMA}">` +
    `<s:Header>${header}</s:Header><s:Body>${body}</s:Body></s:Envelope>`
  );
}

export interface SoapOptions {
  credentials?: OnvifCredentials | null;
  clockOffsetMs?: number;
  timeoutMs?: number;
}

/** One SOAP call; returns the Body element or throws OnvifError (faults saying "not authorized" → AUTH_FAILED). */
export async function soapCall(url: string, action: string, body: string, opts: SoapOptions = {}): Promise<XmlElement> {
  const header = opts.credentials ? usernameTokenHeader(opts.credentials, new Date(Date.now() + (opts.clockOffsetMs ?? 0))) : '';
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': `application/soap+xml; charset=utf-8; action="${action}"` },
      body: envelope(body, header),
      // A camera answer that redirects elsewhere is not followed: the server only talks to the device it was shown.
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
    });
  } catch (err) {
    const e = err as Error;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new OnvifError('TIMEOUT', `no answer from ${url}`);
    throw new OnvifError('UNREACHABLE', `${url}: ${(e.cause as Error | undefined)?.message ?? e.message}`);
  }
  const text = await readLimited(res);
  let env: XmlElement | undefined;
  try {
    env = text ? parseXml(text) : undefined;
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
  }
  const fault = find(env, 'Fault');
  if (res.status === 401 || res.status === 403 || (fault && /NotAuthorized|FailedAuthentication|InvalidSecurity|Unauthorized/i.test(faultCodes(fault))))
    throw new OnvifError('AUTH_FAILED', 'the device refused the user name or password');
  if (fault) throw new OnvifError('BAD_RESPONSE', `SOAP fault: ${textAt(fault, 'Reason', 'Text') ?? faultCodes(fault)}`);
  if (!res.ok || !env) throw new OnvifError('BAD_RESPONSE', `HTTP ${res.status} from ${url}`);
  const bodyEl = find(env, 'Body');
  if (!bodyEl) throw new OnvifError('BAD_RESPONSE', 'no SOAP body');
  return bodyEl;
}

function faultCodes(fault: XmlElement): string {
  return findAll(fault, 'Value').map((v) => v.text.trim()).join(' ');
}

async function readLimited(res: Response): Promise<string> {
  const len = Number(res.headers.get('content-length') ?? 0);
  if (len > MAX_RESPONSE) throw new OnvifError('BAD_RESPONSE', 'answer too large');
  const buf = Buffer.from(await res.arrayBuffer());
  if (buf.length > MAX_RESPONSE) throw new OnvifError('BAD_RESPONSE', 'answer too large');
  return buf.toString('utf8');
}

/** Camera clock minus ours, from GetSystemDateAndTime (which ONVIF requires to work without a login). */
export async function clockOffsetMs(deviceXAddr: string, timeoutMs?: number): Promise<number> {
  const body = await soapCall(deviceXAddr, `${NS_DEVICE}/GetSystemDateAndTime`, '<tds:GetSystemDateAndTime/>', { timeoutMs });
  const utc = find(body, 'UTCDateTime');
  const n = (path: string[]) => Number(textAt(utc, ...path));
  const at = Date.UTC(n(['Date', 'Year']), n(['Date', 'Month']) - 1, n(['Date', 'Day']), n(['Time', 'Hour']), n(['Time', 'Minute']), n(['Time', 'Second']));
  if (!utc || !Number.isFinite(at)) return 0;
  return at - Date.now();
}

/**
 * The media service address. Cameras behind NAT (or with several interfaces) often report an address the server
 * cannot reach, so the host and port of the device address the user picked are kept and only the path is taken.
 */
export function sameHost(deviceXAddr: string, reported: string | undefined): string {
  if (!reported) return deviceXAddr;
  try {
    const d = new URL(deviceXAddr);
    const r = new URL(reported);
    return `${d.protocol}//${d.host}${r.pathname}${r.search}`;
  } catch {
    return deviceXAddr;
  }
}

function num(s: string | undefined): number | null {
  const v = s === undefined ? Number.NaN : Number(s);
  return Number.isFinite(v) ? v : null;
}

export function parseProfiles(body: XmlElement): StreamProfile[] {
  return findAll(find(body, 'GetProfilesResponse'), 'Profiles')
    .slice(0, MAX_PROFILES)
    .map((p) => {
      const vec = find(p, 'VideoEncoderConfiguration');
      return {
        token: p.attrs.token ?? '',
        name: textAt(p, 'Name') ?? p.attrs.token ?? '',
        encoding: textAt(vec, 'Encoding') ?? null,
        width: num(textAt(vec, 'Resolution', 'Width')),
        height: num(textAt(vec, 'Resolution', 'Height')),
        fps: num(textAt(vec, 'RateControl', 'FrameRateLimit')),
        uri: null,
      };
    })
    .filter((p) => p.token);
}

/** Picks the main (largest) and sub (smallest other) H.264 streams: recording needs H.264 (see the codec check). */
export function pickStreams(profiles: StreamProfile[]): { mainUrl: string | null; subUrl: string | null } {
  const usable = profiles
    .filter((p) => p.uri && (p.encoding === null || /h\.?264|avc/i.test(p.encoding)))
    .sort((a, b) => (b.width ?? 0) * (b.height ?? 0) - (a.width ?? 0) * (a.height ?? 0));
  const main = usable[0];
  const sub = usable.length > 1 ? usable[usable.length - 1] : undefined;
  return { mainUrl: main?.uri ?? null, subUrl: sub && sub.uri !== main?.uri ? sub.uri : null };
}

/** Asks the device for its profiles and their RTSP addresses. */
export async function proposeStreams(deviceXAddr: string, credentials: OnvifCredentials | null, timeoutMs = 5000): Promise<StreamProposal> {
  // The clock first: without it a correct password fails on a camera whose clock is off by more than a few seconds.
  const offset = await clockOffsetMs(deviceXAddr, timeoutMs).catch((err) => {
    if (err instanceof OnvifError && (err.problem === 'UNREACHABLE' || err.problem === 'TIMEOUT')) throw err;
    return 0;
  });
  const opts: SoapOptions = { credentials, clockOffsetMs: offset, timeoutMs };
  let mediaXAddr = deviceXAddr;
  try {
    const caps = await soapCall(deviceXAddr, `${NS_DEVICE}/GetCapabilities`, '<tds:GetCapabilities><tds:Category>Media</tds:Category></tds:GetCapabilities>', opts);
    mediaXAddr = sameHost(deviceXAddr, textAt(caps, 'Media', 'XAddr'));
  } catch (err) {
    // Some devices serve every service at the device address and answer GetCapabilities with a fault: try there.
    if (!(err instanceof OnvifError) || err.problem !== 'BAD_RESPONSE') throw err;
  }
  const profiles = parseProfiles(await soapCall(mediaXAddr, `${NS_MEDIA}/GetProfiles`, '<trt:GetProfiles/>', opts));
  if (profiles.length === 0) throw new OnvifError('NO_PROFILES', 'the device has no media profiles');
  for (const p of profiles) {
    const body = await soapCall(
      mediaXAddr,
      `${NS_MEDIA}/GetStreamUri`,
      '<trt:GetStreamUri><trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></trt:StreamSetup>' +
        `<trt:ProfileToken>${xmlEscape(p.token)}</trt:ProfileToken></trt:GetStreamUri>`,
      opts,
    );
    const uri = textAt(body, 'MediaUri', 'Uri');
    p.uri = uri && /^rtsps?:\/\//i.test(uri) ? uri : null;
  }
  return { deviceXAddr, mediaXAddr, clockOffsetSeconds: Math.round(offset / 1000), profiles, ...pickStreams(profiles) };
}

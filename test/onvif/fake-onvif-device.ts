import { createHash, randomUUID } from 'node:crypto';
import dgram from 'node:dgram';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { find, parseXml, textAt, type XmlElement } from '../../src/modules/cameras/onvif/xml';

/**
 * A fake ONVIF camera for tests without a network: a UDP socket that answers WS-Discovery Probes with ProbeMatches
 * (optionally joined to the multicast group), and an HTTP SOAP responder for GetSystemDateAndTime,
 * GetCapabilities, GetProfiles and GetStreamUri that checks the WS-Security UsernameToken digest independently of
 * the client code (its own SHA-1), against a clock that is deliberately skewed, and refuses replayed nonces.
 */
export interface FakeOnvifOptions {
  username?: string;
  password?: string;
  name?: string;
  hardware?: string;
  location?: string;
  /** Camera clock minus real time (ms): a correct client must compensate. */
  clockSkewMs?: number;
  /** Join this multicast group on the UDP port (otherwise unicast only). */
  multicastGroup?: string;
  udpPort?: number;
  rtspBase?: string;
}

export class FakeOnvifDevice {
  readonly endpoint = 'urn:uuid:6f1a2b3c-0000-4000-8000-00000000c0de';
  readonly requests: Array<{ op: string; authorised: boolean }> = [];
  probes = 0;
  private readonly nonces = new Set<string>();

  private constructor(
    private readonly opts: Required<Omit<FakeOnvifOptions, 'multicastGroup' | 'udpPort'>>,
    private readonly udp: dgram.Socket,
    private readonly http: http.Server,
  ) {}

  get udpPort(): number {
    return this.udp.address().port;
  }

  get httpPort(): number {
    return (this.http.address() as AddressInfo).port;
  }

  get deviceXAddr(): string {
    return `http://127.0.0.1:${this.httpPort}/onvif/device_service`;
  }

  static async start(o: FakeOnvifOptions = {}): Promise<FakeOnvifDevice> {
    const opts = {
      username: o.username ?? 'admin',
      password: o.password ?? 'Cam@2026',
      name: o.name ?? 'Camera cổng phụ',
      hardware: o.hardware ?? 'DS-2CD2143G2-I',
      location: o.location ?? 'Thông Thụ/cổng phụ',
      clockSkewMs: o.clockSkewMs ?? 0,
      rtspBase: o.rtspBase ?? 'rtsp://127.0.0.1:8554',
    };
    const udp = dgram.createSocket({ type: 'udp4', reuseAddr: true });
    const server = http.createServer();
    const dev = new FakeOnvifDevice(opts, udp, server);
    udp.on('message', (msg, rinfo) => dev.onProbe(msg, rinfo));
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(o.udpPort ?? 0, o.multicastGroup ? undefined : '127.0.0.1', () => resolve());
    });
    if (o.multicastGroup) udp.addMembership(o.multicastGroup);
    server.on('request', (req, res) => void dev.onSoap(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return dev;
  }

  async stop(): Promise<void> {
    this.udp.close();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private onProbe(msg: Buffer, rinfo: dgram.RemoteInfo): void {
    let env: XmlElement;
    try {
      env = parseXml(msg.toString('utf8'));
    } catch {
      return;
    }
    if (!find(env, 'Probe')) return;
    this.probes++;
    const messageId = textAt(env, 'Header', 'MessageID') ?? '';
    const scopes = [
      'onvif://www.onvif.org/type/video_encoder',
      'onvif://www.onvif.org/Profile/Streaming',
      `onvif://www.onvif.org/name/${encodeURIComponent(this.opts.name)}`,
      `onvif://www.onvif.org/hardware/${encodeURIComponent(this.opts.hardware)}`,
      ...this.opts.location.split('/').map((l) => `onvif://www.onvif.org/location/${encodeURIComponent(l)}`),
    ].join(' ');
    const answer =
      '<?xml version="1.0" encoding="UTF-8"?>' +
      '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope" xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" ' +
      'xmlns:wsdd="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl" xmlns:tds="http://www.onvif.org/ver10/device/wsdl">' +
      `<SOAP-ENV:Header><wsa:MessageID>urn:uuid:${randomUUID()}</wsa:MessageID><wsa:RelatesTo>${messageId}</wsa:RelatesTo>` +
      '<wsa:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To>' +
      '<wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsa:Action></SOAP-ENV:Header>' +
      '<SOAP-ENV:Body><wsdd:ProbeMatches><wsdd:ProbeMatch>' +
      `<wsa:EndpointReference><wsa:Address>${this.endpoint}</wsa:Address></wsa:EndpointReference>` +
      '<wsdd:Types>dn:NetworkVideoTransmitter tds:Device</wsdd:Types>' +
      `<wsdd:Scopes>${scopes}</wsdd:Scopes>` +
      // The second address is the camera's other interface, unreachable from here: the client must prefer the first.
      `<wsdd:XAddrs>${this.deviceXAddr} http://10.255.0.9/onvif/device_service</wsdd:XAddrs>` +
      '<wsdd:MetadataVersion>10</wsdd:MetadataVersion>' +
      '</wsdd:ProbeMatch></wsdd:ProbeMatches></SOAP-ENV:Body></SOAP-ENV:Envelope>';
    this.udp.send(answer, rinfo.port, rinfo.address);
  }

  /** Independent check of the UsernameToken: digest, user name, freshness on the camera's clock, no replay. */
  private authorised(env: XmlElement): boolean {
    const token = find(env, 'UsernameToken');
    if (!token) return false;
    const nonce = textAt(token, 'Nonce') ?? '';
    const created = textAt(token, 'Created') ?? '';
    const digest = textAt(token, 'Password') ?? '';
    const expected = createHash('sha1')
      .update(Buffer.concat([Buffer.from(nonce, 'base64'), Buffer.from(created), Buffer.from(this.opts.password)]))
      .digest('base64');
    const cameraNow = Date.now() + this.opts.clockSkewMs;
    const fresh = Math.abs(Date.parse(created) - cameraNow) < 10_000;
    if (textAt(token, 'Username') !== this.opts.username || digest !== expected || !fresh || this.nonces.has(nonce)) return false;
    this.nonces.add(nonce);
    return true;
  }

  private async onSoap(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const env = parseXml(Buffer.concat(chunks).toString('utf8'));
    const body = find(env, 'Body');
    const op = body?.children[0]?.name ?? '';
    const reply = (status: number, inner: string) => {
      res.writeHead(status, { 'content-type': 'application/soap+xml; charset=utf-8' });
      res.end(
        '<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" ' +
          'xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:trt="http://www.onvif.org/ver10/media/wsdl" ' +
          'xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:ter="http://www.onvif.org/ver10/error">' +
          `<env:Body>${inner}</env:Body></env:Envelope>`,
      );
    };
    if (op === 'GetSystemDateAndTime') {
      this.requests.push({ op, authorised: true });
      const t = new Date(Date.now() + this.opts.clockSkewMs);
      return reply(
        200,
        '<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>Manual</tt:DateTimeType><tt:UTCDateTime>' +
          `<tt:Date><tt:Year>${t.getUTCFullYear()}</tt:Year><tt:Month>${t.getUTCMonth() + 1}</tt:Month><tt:Day>${t.getUTCDate()}</tt:Day></tt:Date>` +
          `<tt:Time><tt:Hour>${t.getUTCHours()}</tt:Hour><tt:Minute>${t.getUTCMinutes()}</tt:Minute><tt:Second>${t.getUTCSeconds()}</tt:Second></tt:Time>` +
          '</tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>',
      );
    }
    const ok = this.authorised(env);
    this.requests.push({ op, authorised: ok });
    if (!ok)
      return reply(
        400,
        '<env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>ter:NotAuthorized</env:Value></env:Subcode></env:Code>' +
          '<env:Reason><env:Text xml:lang="en">Sender not Authorized</env:Text></env:Reason></env:Fault>',
      );
    const media = `http://192.168.77.5:${this.httpPort}/onvif/media_service`; // a NATed address: the client keeps our host
    if (op === 'GetCapabilities')
      return reply(200, `<tds:GetCapabilitiesResponse><tds:Capabilities><tt:Media><tt:XAddr>${media}</tt:XAddr></tt:Media></tds:Capabilities></tds:GetCapabilitiesResponse>`);
    if (op === 'GetProfiles' && req.url === '/onvif/media_service')
      return reply(
        200,
        '<trt:GetProfilesResponse>' +
          profile('Profile_1', 'mainStream', 'H264', 1920, 1080, 25) +
          profile('Profile_2', 'subStream', 'H264', 640, 360, 15) +
          profile('Profile_3', 'thirdStream', 'H265', 2560, 1440, 20) +
          '</trt:GetProfilesResponse>',
      );
    if (op === 'GetStreamUri' && req.url === '/onvif/media_service') {
      const token = textAt(body, 'ProfileToken') ?? '';
      const n = token.replace('Profile_', '');
      return reply(200, `<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>${this.opts.rtspBase}/Streaming/Channels/10${n}</tt:Uri><tt:Timeout>PT60S</tt:Timeout></trt:MediaUri></trt:GetStreamUriResponse>`);
    }
    return reply(400, '<env:Fault><env:Code><env:Value>env:Receiver</env:Value><env:Subcode><env:Value>ter:ActionNotSupported</env:Value></env:Subcode></env:Code></env:Fault>');
  }
}

function profile(token: string, name: string, enc: string, w: number, h: number, fps: number): string {
  return (
    `<trt:Profiles token="${token}" fixed="true"><tt:Name>${name}</tt:Name>` +
    `<tt:VideoEncoderConfiguration token="VE_${token}"><tt:Name>VE</tt:Name><tt:Encoding>${enc}</tt:Encoding>` +
    `<tt:Resolution><tt:Width>${w}</tt:Width><tt:Height>${h}</tt:Height></tt:Resolution>` +
    `<tt:RateControl><tt:FrameRateLimit>${fps}</tt:FrameRateLimit><tt:BitrateLimit>4096</tt:BitrateLimit></tt:RateControl>` +
    '</tt:VideoEncoderConfiguration></trt:Profiles>'
  );
}

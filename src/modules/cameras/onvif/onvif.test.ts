import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import os from 'node:os';
import { after, before, describe, it } from 'node:test';
import { FakeOnvifDevice } from '../../../../test/onvif/fake-onvif-device';
import { OnvifError, passwordDigest, pickStreams, proposeStreams, sameHost } from './onvif-soap';
import { buildProbe, parseProbeMatches, probe, WS_DISCOVERY_MULTICAST } from './ws-discovery';
import { parseXml, textAt, XmlError } from './xml';

/**
 * ONVIF discovery without a real camera: WS-Discovery against a fake device on loopback (unicast) and on the real
 * multicast group 239.255.255.250 (on a random port, so no real camera on the network can answer and parallel runs
 * do not collide), and the SOAP calls against the fake device's HTTP responder, which checks the digest itself.
 */
describe('ONVIF: XML reader', () => {
  it('reads prefixed elements by local name, entities, CDATA; refuses DTDs and broken documents', () => {
    const doc = parseXml('<?xml version="1.0"?><a:Env xmlns:a="x"><a:B k="1 &amp; 2"><c:C>x &lt; y &#x1EA1;</c:C><D><![CDATA[<raw>]]></D></a:B></a:Env>');
    assert.equal(textAt(doc, 'B', 'C'), 'x < y ạ');
    assert.equal(textAt(doc, 'D'), '<raw>');
    assert.equal(doc.children[0]?.attrs.k, '1 & 2');
    assert.throws(() => parseXml('<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>'), XmlError);
    assert.throws(() => parseXml('<a><b></a>'), XmlError);
    assert.throws(() => parseXml('<a>'), XmlError);
  });
});

describe('ONVIF: WS-Discovery messages', () => {
  it('builds a SOAP 1.2 Probe for NetworkVideoTransmitter with the message id', () => {
    const env = parseXml(buildProbe('urn:uuid:1', 'NetworkVideoTransmitter'));
    assert.equal(env.name, 'Envelope');
    assert.equal(textAt(env, 'Header', 'MessageID'), 'urn:uuid:1');
    assert.equal(textAt(env, 'Header', 'Action'), 'http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe');
    assert.equal(textAt(env, 'Body', 'Probe', 'Types'), 'dn:NetworkVideoTransmitter');
  });

  it('parses ProbeMatches: endpoint, addresses (answering host first), name, hardware, location', () => {
    const xml = `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery">
      <s:Header><a:RelatesTo>urn:uuid:42</a:RelatesTo></s:Header>
      <s:Body><d:ProbeMatches><d:ProbeMatch>
        <a:EndpointReference><a:Address>urn:uuid:cam-1</a:Address></a:EndpointReference>
        <d:Types>dn:NetworkVideoTransmitter</d:Types>
        <d:Scopes>onvif://www.onvif.org/name/HIKVISION%20DS-2CD onvif://www.onvif.org/hardware/DS-2CD2143 onvif://www.onvif.org/location/country/vi%E1%BB%87t%20nam onvif://www.onvif.org/location/city/vinh onvif://www.onvif.org/Profile/Streaming</d:Scopes>
        <d:XAddrs>http://169.254.1.2/onvif/device_service http://192.168.1.64/onvif/device_service</d:XAddrs>
      </d:ProbeMatch></d:ProbeMatches></s:Body></s:Envelope>`;
    const { relatesTo, devices } = parseProbeMatches(xml, '192.168.1.64');
    assert.equal(relatesTo, 'urn:uuid:42');
    assert.equal(devices.length, 1);
    const d = devices[0];
    assert.equal(d?.endpoint, 'urn:uuid:cam-1');
    assert.equal(d?.address, '192.168.1.64');
    assert.equal(d?.xaddrs[0], 'http://192.168.1.64/onvif/device_service');
    assert.equal(d?.name, 'HIKVISION DS-2CD');
    assert.equal(d?.hardware, 'DS-2CD2143');
    assert.equal(d?.location, 'country/việt nam, city/vinh');
    assert.deepEqual(d?.profiles, ['Streaming']);
    assert.deepEqual(d?.types, ['NetworkVideoTransmitter']);
  });

  it('computes the UsernameToken digest of the ONVIF programmer guide example', () => {
    const nonce = Buffer.from('LKqI6G/AikKCQrN0zqZFlg==', 'base64');
    assert.equal(passwordDigest(nonce, '2010-09-16T07:50:45Z', 'userpassword'), 'tuOSpGlFlIXsozq4HFNeeGeFLEI=');
  });

  it('keeps the device host for a media address reported behind NAT; picks main and sub H.264 streams', () => {
    assert.equal(sameHost('http://127.0.0.1:8000/onvif/device_service', 'http://192.168.77.5/onvif/Media?x=1'), 'http://127.0.0.1:8000/onvif/Media?x=1');
    const p = (token: string, encoding: string, width: number, uri: string) => ({ token, name: token, encoding, width, height: width / 2, fps: 25, uri });
    assert.deepEqual(pickStreams([p('a', 'H264', 640, 'rtsp://s'), p('b', 'H265', 3840, 'rtsp://h'), p('c', 'H264', 1920, 'rtsp://m')]), {
      mainUrl: 'rtsp://m',
      subUrl: 'rtsp://s',
    });
  });
});

describe('ONVIF: probe and stream proposal against a fake device', () => {
  let dev: FakeOnvifDevice;
  before(async () => {
    // The camera's clock is 2 hours ahead: the login only works if the client uses the camera's time.
    dev = await FakeOnvifDevice.start({ clockSkewMs: 2 * 3600_000 });
  });
  after(async () => dev?.stop());

  it('finds the device by a unicast probe to 127.0.0.1 (the configurable target)', async () => {
    const found = await probe({ address: '127.0.0.1', port: dev.udpPort, timeoutMs: 700 });
    assert.equal(found.length, 1, 'one device, deduplicated across the two probe types and the repeat');
    const d = found[0];
    assert.equal(d?.endpoint, dev.endpoint);
    assert.equal(d?.address, '127.0.0.1');
    assert.equal(d?.xaddrs[0], dev.deviceXAddr);
    assert.equal(d?.name, 'Camera cổng phụ');
    assert.equal(d?.hardware, 'DS-2CD2143G2-I');
    assert.equal(d?.location, 'Thông Thụ, cổng phụ');
    assert.ok(dev.probes >= 2);
  });

  it('proposes the RTSP addresses with a digest login on the camera clock', async () => {
    const p = await proposeStreams(dev.deviceXAddr, { username: 'admin', password: 'Cam@2026' });
    assert.ok(Math.abs(p.clockOffsetSeconds - 7200) <= 2, `clock offset ${p.clockOffsetSeconds}`);
    assert.equal(p.mediaXAddr, `http://127.0.0.1:${dev.httpPort}/onvif/media_service`);
    assert.deepEqual(
      p.profiles.map((x) => [x.token, x.encoding, x.width, x.height, x.uri]),
      [
        ['Profile_1', 'H264', 1920, 1080, 'rtsp://127.0.0.1:8554/Streaming/Channels/101'],
        ['Profile_2', 'H264', 640, 360, 'rtsp://127.0.0.1:8554/Streaming/Channels/102'],
        ['Profile_3', 'H265', 2560, 1440, 'rtsp://127.0.0.1:8554/Streaming/Channels/103'],
      ],
    );
    assert.equal(p.mainUrl, 'rtsp://127.0.0.1:8554/Streaming/Channels/101');
    assert.equal(p.subUrl, 'rtsp://127.0.0.1:8554/Streaming/Channels/102');
    // Every authenticated call passed the device's own digest check (fresh nonce each time).
    const authed = dev.requests.filter((r) => r.op !== 'GetSystemDateAndTime');
    assert.ok(authed.length >= 5 && authed.every((r) => r.authorised));
  });

  it('reports a wrong password as AUTH_FAILED and a dead address as UNREACHABLE', async () => {
    await assert.rejects(proposeStreams(dev.deviceXAddr, { username: 'admin', password: 'wrong' }), (e: unknown) => e instanceof OnvifError && e.problem === 'AUTH_FAILED');
    await assert.rejects(proposeStreams(dev.deviceXAddr, null), (e: unknown) => e instanceof OnvifError && e.problem === 'AUTH_FAILED');
    await assert.rejects(proposeStreams('http://127.0.0.1:9/onvif/device_service', null, 1500), (e: unknown) => e instanceof OnvifError && e.problem === 'UNREACHABLE');
  });
});

/** True when this host can send to a multicast group and hear itself (a default route or multicast route exists). */
async function multicastWorks(port: number): Promise<boolean> {
  const s = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  try {
    await new Promise<void>((resolve) => s.bind(0, resolve));
    return await new Promise<boolean>((resolve) => s.send('x', port, WS_DISCOVERY_MULTICAST, (err) => resolve(!err)));
  } finally {
    s.close();
  }
}

describe('ONVIF: probe over real multicast (239.255.255.250)', () => {
  let dev: FakeOnvifDevice | undefined;
  let skip: string | false = false;
  before(async () => {
    try {
      dev = await FakeOnvifDevice.start({ multicastGroup: WS_DISCOVERY_MULTICAST, udpPort: 0 });
      if (!(await multicastWorks(dev.udpPort))) skip = 'no multicast route on this host';
    } catch (err) {
      skip = `cannot join the multicast group: ${(err as Error).message}`;
    }
  });
  after(async () => dev?.stop());

  it('finds the device through the multicast group (one probe per interface)', async (t) => {
    if (skip || !dev) return t.skip(String(skip));
    const interfaces = Object.values(os.networkInterfaces()).flat().filter((a) => a?.family === 'IPv4' && !a.internal).length;
    const found = await probe({ address: WS_DISCOVERY_MULTICAST, port: dev.udpPort, timeoutMs: 800 });
    assert.equal(found.length, 1, `interfaces: ${interfaces}`);
    assert.equal(found[0]?.endpoint, dev.endpoint);
    assert.equal(found[0]?.xaddrs[0], dev.deviceXAddr);
  });
});

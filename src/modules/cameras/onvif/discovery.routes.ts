import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/module';
import { AppError } from '../../../platform/errors';
import { recordAudit } from '../../audit';
import { getAccess } from '../../../platform/access';
import { listCameraRows } from '../cameras.repo';
import { ZOnvifDiscovery, ZOnvifStreamProposal } from './discovery.dto';
import { OnvifError, type OnvifProblem, proposeStreams } from './onvif-soap';
import { type DiscoveredDevice, probe } from './ws-discovery';

/** How long a device found by a probe may be queried: the SOAP call only goes to addresses a probe returned. */
const DISCOVERED_TTL_MS = 30 * 60_000;

const PROBLEM_TEXT: Record<OnvifProblem | 'UNKNOWN_DEVICE' | 'PROBE_FAILED', { status: number; vi: string; en: string }> = {
  UNREACHABLE: { status: 422, vi: 'Không kết nối được tới thiết bị ONVIF.', en: 'Cannot reach the ONVIF device.' },
  TIMEOUT: { status: 422, vi: 'Thiết bị ONVIF không phản hồi trong thời gian cho phép.', en: 'The ONVIF device did not answer in time.' },
  AUTH_FAILED: { status: 422, vi: 'Thiết bị từ chối tên đăng nhập hoặc mật khẩu (hoặc đồng hồ của camera lệch quá nhiều).', en: 'The device refused the user name or password (or its clock is far off).' },
  BAD_RESPONSE: { status: 422, vi: 'Thiết bị trả lời không đúng chuẩn ONVIF.', en: 'The device did not answer as ONVIF requires.' },
  NO_PROFILES: { status: 422, vi: 'Thiết bị không có cấu hình luồng video (profile) nào.', en: 'The device has no media profiles.' },
  UNKNOWN_DEVICE: { status: 400, vi: 'Địa chỉ này không nằm trong kết quả tìm kiếm gần đây. Hãy tìm camera trong mạng lại.', en: 'This address is not among recent discovery results. Search the network again.' },
  PROBE_FAILED: { status: 422, vi: 'Không gửi được gói tìm kiếm ONVIF ra mạng (máy chủ không có đường multicast).', en: 'The ONVIF discovery probe could not be sent (no multicast route on the server).' },
};

function problem(p: keyof typeof PROBLEM_TEXT, details?: unknown): AppError {
  const t = PROBLEM_TEXT[p];
  return new AppError(t.status, `ONVIF_${p}`, t.vi, t.en, details);
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/**
 * ONVIF discovery for camera managers: probe the LAN (WS-Discovery), then ask one found device for its RTSP
 * addresses so the add-camera form can be filled in. Nothing is stored; both steps are audited.
 */
export async function discoveryRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const discovered = new Map<string, { device: DiscoveredDevice; at: number }>();
  // One probe at a time: a second click while a probe runs gets the same answer instead of a second scan.
  let running: Promise<DiscoveredDevice[]> | undefined;

  app.post(
    '/api/cameras/discover',
    {
      schema: {
        summary: 'Search the local network for ONVIF cameras (WS-Discovery probe)',
        tags: ['cameras'],
        body: z.strictObject({ timeoutMs: z.number().int().min(500).max(10_000).optional() }).optional(),
        response: { 200: ZOnvifDiscovery },
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('camera.manage');
      const target = { address: ctx.config.onvif.probeAddress, port: ctx.config.onvif.probePort };
      running ??= probe({ ...target, timeoutMs: req.body?.timeoutMs ?? 3000 }).finally(() => {
        running = undefined;
      });
      let devices: DiscoveredDevice[];
      try {
        devices = await running;
      } catch (err) {
        throw problem('PROBE_FAILED', { detail: String((err as Error).message ?? err) });
      }
      const now = Date.now();
      for (const [k, v] of discovered) if (now - v.at > DISCOVERED_TTL_MS) discovered.delete(k);
      for (const d of devices) for (const x of d.xaddrs) discovered.set(x, { device: d, at: now });
      // "Already added": a registered camera streams from the same host (any unit: the LAN is shared).
      const hosts = new Set((await listCameraRows(ctx.db)).map((c) => hostOf(c.main_url)));
      await recordAudit(ctx.db, {
        actor: access.actor(),
        action: 'cameras.discover',
        entityType: 'camera',
        details: { target, found: devices.length },
      });
      return {
        target,
        probedAt: new Date(now).toISOString(),
        items: devices
          .map((d) => ({ ...d, alreadyAdded: hosts.has(d.address) || d.xaddrs.some((x) => hosts.has(hostOf(x))) }))
          .sort((a, b) => a.address.localeCompare(b.address, 'en', { numeric: true })),
      };
    },
  );

  app.post(
    '/api/cameras/discover/streams',
    {
      schema: {
        summary: 'Ask a discovered ONVIF device for its media profiles and RTSP addresses',
        tags: ['cameras'],
        response: { 200: ZOnvifStreamProposal },
        body: z.strictObject({
          xaddr: z.url({ protocol: /^https?$/ }).max(500),
          username: z.string().max(120).nullish(),
          password: z.string().max(200).nullish(),
        }),
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('camera.manage');
      const known = discovered.get(req.body.xaddr);
      if (!known || Date.now() - known.at > DISCOVERED_TTL_MS) throw problem('UNKNOWN_DEVICE', { xaddr: req.body.xaddr });
      const creds = req.body.username ? { username: req.body.username, password: req.body.password ?? '' } : null;
      try {
        const proposal = await proposeStreams(req.body.xaddr, creds);
        await recordAudit(ctx.db, {
          actor: access.actor(),
          action: 'cameras.onvif_streams',
          entityType: 'camera',
          details: { xaddr: req.body.xaddr, endpoint: known.device.endpoint, username: creds?.username ?? null, profiles: proposal.profiles.length },
        });
        return { device: known.device, ...proposal };
      } catch (err) {
        if (err instanceof OnvifError) throw problem(err.problem, { detail: err.message });
        throw err;
      }
    },
  );
}

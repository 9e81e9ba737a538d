import { z } from 'zod';

/** Response schemas of the ONVIF discovery routes (discovery.routes.ts). */

/** A device that answered the WS-Discovery probe. */
export const ZOnvifDevice = z
  .object({
    /** EndpointReference address, usually urn:uuid:…; stable across reboots and address changes. */
    endpoint: z.string(),
    address: z.string(),
    xaddrs: z.array(z.string()),
    types: z.array(z.string()),
    scopes: z.array(z.string()),
    name: z.string().nullable(),
    hardware: z.string().nullable(),
    location: z.string().nullable(),
    profiles: z.array(z.string()),
  })
  .meta({ id: 'OnvifDevice' });

export const ZOnvifDiscovery = z
  .object({
    target: z.object({ address: z.string(), port: z.number().int() }),
    probedAt: z.string(),
    items: z.array(
      ZOnvifDevice.extend({
        /** A registered camera streams from the same host. */
        alreadyAdded: z.boolean(),
      }).meta({ id: 'OnvifDiscoveredDevice' }),
    ),
  })
  .meta({ id: 'OnvifDiscovery' });

const ZOnvifStreamProfile = z
  .object({
    token: z.string(),
    name: z.string(),
    encoding: z.string().nullable(),
    width: z.number().nullable(),
    height: z.number().nullable(),
    fps: z.number().nullable(),
    uri: z.string().nullable(),
  })
  .meta({ id: 'OnvifStreamProfile' });

/** The device's media profiles and the stream addresses proposed for the add-camera form. */
export const ZOnvifStreamProposal = z
  .object({
    device: ZOnvifDevice,
    deviceXAddr: z.string(),
    mediaXAddr: z.string(),
    /** Camera clock minus server clock, in seconds. */
    clockOffsetSeconds: z.number(),
    profiles: z.array(ZOnvifStreamProfile),
    /** The largest H.264 profile, for recording and the live main stream. */
    mainUrl: z.string().nullable(),
    /** The smallest other H.264 profile, for the live wall tiles. */
    subUrl: z.string().nullable(),
  })
  .meta({ id: 'OnvifStreamProposal' });

export interface CameraRights {
  live: boolean;
  playback: boolean;
  raw: boolean;
  manage: boolean;
  export: boolean;
  /** May grant viewing to others (a leader by role over the camera's unit). */
  grant: boolean;
}

/** A polygon in normalised picture coordinates: [x, y] with 0..1 from the top-left corner. */
export type MaskPolygon = Array<[number, number]>;

export interface CameraGrant {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  canLive: boolean;
  canPlayback: boolean;
  validUntil: string | null;
  reason: string;
  grantedBy: string | null;
  createdAt: string;
}

export interface GrantCandidate {
  id: string;
  username: string;
  displayName: string;
  personName: string | null;
  unitName: string | null;
}

export interface DiscoveredDevice {
  endpoint: string;
  address: string;
  xaddrs: string[];
  name: string | null;
  hardware: string | null;
  location: string | null;
  alreadyAdded: boolean;
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
  device: DiscoveredDevice;
  clockOffsetSeconds: number;
  profiles: StreamProfile[];
  mainUrl: string | null;
  subUrl: string | null;
}

export interface Camera {
  id: string;
  name: string;
  locationType: 'GATE' | 'PARKING' | 'ONE_STOP' | 'RECEPTION' | 'OTHER';
  locationLabel: { vi: string; en: string };
  unitId: string;
  mainUrl: string;
  subUrl: string | null;
  hasCredentials: boolean;
  direction: 'IN' | 'OUT' | null;
  recognitionAllowed: boolean;
  enabled: boolean;
  segmentSeconds: number;
  retentionDays: number;
  quotaBytes: number | null;
  privacyMasks: MaskPolygon[];
  stream: { codec: string; width: number | null; height: number | null; fps: number | null } | null;
  health: { state: string; since: string; detail: string | null };
  version: number;
  rights: CameraRights;
}

export interface Timeline {
  cameraId: string;
  from: string;
  to: string;
  coverage: Array<{ from: string; to: string }>;
  gaps: Array<{ from: string; to: string | null; reason: string }>;
  events: Array<{ type: 'CLIP' | 'SNAPSHOT' | 'HOLD'; id: string; from: string; to: string; label: string }>;
}

export interface Evidence {
  id: string;
  kind: 'CLIP' | 'SNAPSHOT';
  cameraId: string;
  cameraName: string;
  unitId: string;
  requestedFrom: string;
  requestedTo: string;
  actualFrom: string;
  actualTo: string;
  requestedBy: string;
  reason: string;
  masked: boolean;
  contentType: string;
  bytes: number;
  sha256: string;
  legalHold: boolean;
  durationSeconds: number | null;
  createdAt: string;
}

export interface Incident {
  id: string;
  unitId: string;
  title: string;
  description: string;
  status: 'OPEN' | 'CLOSED';
  createdAt: string;
  footage?: Array<{ id: string; cameraId: string; from: string; to: string; note: string }>;
  evidence?: Evidence[];
}

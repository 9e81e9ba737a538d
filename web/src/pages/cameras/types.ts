export interface CameraRights {
  live: boolean;
  playback: boolean;
  raw: boolean;
  manage: boolean;
  export: boolean;
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
  privacyMasks: Array<Array<[number, number]>>;
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

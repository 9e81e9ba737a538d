import { loadConfig } from '../../src/config/config';
import { FfmpegVideoEngine } from '../../src/platform/adapters/video-ffmpeg';
import type { VideoEngine } from '../../src/platform/ports/video';

/**
 * The concrete adapters that tests build their own contexts and services from, in one place (the tests' side of
 * src/app/container.ts): test files inside src/modules use these and never import src/platform/adapters.
 */
export { DiskBlobStore } from '../../src/platform/adapters/blobs-disk';
export { MemoryBus } from '../../src/platform/adapters/bus-memory';
export { bestAvailableSpec, createFaceEngine } from '../../src/platform/adapters/face-common/engine-spec';
export { YunetDetector } from '../../src/platform/adapters/face-yunet/yunet-detector';
export { run } from '../../src/platform/adapters/video-ffmpeg/run';

/** This machine's ffmpeg and ffprobe as configured (KC_FFMPEG / KC_FFPROBE, default from PATH). */
export const VIDEO_TOOLS = loadConfig().video;
export const FFMPEG = VIDEO_TOOLS.ffmpeg;

/** The ffmpeg video engine on the configured programs. */
export function ffmpegVideoEngine(): VideoEngine {
  return new FfmpegVideoEngine({ tools: VIDEO_TOOLS });
}

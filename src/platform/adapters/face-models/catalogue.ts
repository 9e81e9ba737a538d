import { INTEL_REID_BIN_SHA256, INTEL_REID_FILES } from '../face-intel/intel-reid-recognizer';

/**
 * Face models an operator can install with `kycuong models install <name>`. Each entry names the official source,
 * the licence and the SHA-256 that the download must match; nothing else is downloaded into the models folder
 * (the engine also caches there the dlib network it converts from the npm package, see dlib-onnx-recognizer.ts).
 * InsightFace SCRFD/ArcFace weights are absent on purpose: their licence is non-commercial research only.
 */
export interface ModelEntry {
  name: string;
  file: string;
  url: string;
  sha256: string;
  bytes: number;
  licence: string;
  what: string;
}

export const MODEL_CATALOGUE: Record<string, ModelEntry> = {
  yunet: {
    name: 'yunet',
    file: 'face_detection_yunet_2023mar.onnx',
    url: 'https://github.com/opencv/opencv_zoo/raw/main/models/face_detection_yunet/face_detection_yunet_2023mar.onnx',
    sha256: '8f2383e4dd3cfbb4553ea8718107fc0423210dc964f9f4280604804ed2552fa4',
    bytes: 232_589,
    licence: 'MIT',
    what: 'YuNet face detector (boxes + 5 landmarks), OpenCV Zoo',
  },
  sface: {
    name: 'sface',
    file: 'face_recognition_sface_2021dec.onnx',
    // Stored with Git LFS upstream; the media URL serves the real bytes rather than the LFS pointer.
    url: 'https://media.githubusercontent.com/media/opencv/opencv_zoo/main/models/face_recognition_sface/face_recognition_sface_2021dec.onnx',
    sha256: '0ba9fbfa01b5270c96627c4ef784da859931e02f04419c829e83484087c34e79',
    bytes: 38_696_353,
    licence: 'Apache-2.0',
    what: 'SFace face recognizer (112×112 aligned input, 128-d), OpenCV Zoo',
  },
};

/**
 * Models installed only from files the operator brings (`--from DIR`): their official files are not on a stable URL
 * (Intel's Open Model Zoo storage moved between releases), so nothing is downloaded; the weights are checked against
 * the SHA-256 the vendor published and the topology is checked by converting it.
 */
export interface LocalModelEntry {
  name: string;
  /** File names in the models folder. */
  files: { xml: string; bin: string };
  /** Names the files may have in the operator's folder (the Open Model Zoo layout names them without ".FP16"). */
  sourceNames: { xml: string[]; bin: string[] };
  binSha256: string;
  binBytes: number;
  licence: string;
  what: string;
}

export const LOCAL_MODELS: Record<string, LocalModelEntry> = {
  'intel-reid': {
    name: 'intel-reid',
    files: INTEL_REID_FILES,
    sourceNames: {
      xml: ['face-reidentification-retail-0095.FP16.xml', 'face-reidentification-retail-0095.xml', 'FP16/face-reidentification-retail-0095.xml'],
      bin: ['face-reidentification-retail-0095.FP16.bin', 'face-reidentification-retail-0095.bin', 'FP16/face-reidentification-retail-0095.bin'],
    },
    binSha256: INTEL_REID_BIN_SHA256,
    binBytes: 2_213_628,
    licence: 'Apache-2.0',
    what: 'Intel face-reidentification-retail-0095 recognizer (OpenVINO IR FP16, 128×128, 256-d), Open Model Zoo; install with --from DIR',
  },
};

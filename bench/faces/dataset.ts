import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One photo of the benchmark layout (see ../shared/faces/README.md). */
export interface Photo {
  key: string;
  file: string;
  identity: string;
}

export interface FaceDataset {
  enrolled: Photo[];
  strangers: Photo[];
  maskedReal: string[];
}

/**
 * Reads a folder with the layout of ../shared/faces: celeba-dev/labels.tsv + images/, strangers-lfw/<name>/*.jpg,
 * masked-real/<n>/*.jpg. `limitIdentities` keeps the first N identities (quick runs).
 */
export function loadDataset(dir: string, limitIdentities = Number.POSITIVE_INFINITY): FaceDataset {
  const labels = path.join(dir, 'celeba-dev', 'labels.tsv');
  if (!existsSync(labels)) throw new Error(`not a face benchmark folder (missing ${labels})`);
  const rows = readFileSync(labels, 'utf8').trim().split('\n').slice(1);
  const byIdentity = new Map<string, Photo[]>();
  for (const row of rows) {
    const [file, identity] = row.split('\t') as [string, string];
    const list = byIdentity.get(identity) ?? [];
    list.push({ key: `celeba/${file}`, file: path.join(dir, 'celeba-dev', 'images', file), identity });
    byIdentity.set(identity, list);
  }
  const identities = [...byIdentity.keys()].sort().slice(0, limitIdentities);
  const enrolled = identities.flatMap((id) =>
    (byIdentity.get(id) as Photo[]).sort((a, b) => a.file.localeCompare(b.file)),
  );
  const strangerRoot = path.join(dir, 'strangers-lfw');
  const strangerNames = readdirSync(strangerRoot).sort();
  const strangerLimit = Number.isFinite(limitIdentities) ? limitIdentities * 3 : strangerNames.length;
  const strangers = strangerNames.slice(0, strangerLimit).flatMap((name) => {
    const first = readdirSync(path.join(strangerRoot, name)).sort()[0];
    return first ? [{ key: `lfw/${name}`, file: path.join(strangerRoot, name, first), identity: `lfw:${name}` }] : [];
  });
  const maskedRoot = path.join(dir, 'masked-real');
  const maskedReal = readdirSync(maskedRoot)
    .sort()
    .flatMap((d) => readdirSync(path.join(maskedRoot, d)).sort().map((f) => path.join(maskedRoot, d, f)))
    .slice(0, Number.isFinite(limitIdentities) ? limitIdentities * 4 : undefined);
  return { enrolled, strangers, maskedReal };
}

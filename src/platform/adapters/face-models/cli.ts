import path from 'node:path';
import { parseArgs } from 'node:util';
import { MODEL_CATALOGUE } from './catalogue';
import { installModel, ModelInstallError } from './install';

/**
 * `kycuong models list` and `kycuong models install <name> [--dir DIR] [--url URL] [--from FILE]`.
 * Without --dir the models go to `defaultDir`, the folder the app reads them from (config.face.modelsDir:
 * KC_FACE_MODELS_DIR, else <KC_DATA_DIR>/models). Returns the process exit code.
 */
export async function runModelsCommand(argv: string[], defaultDir: string, out: (line: string) => void = console.log): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { dir: { type: 'string' }, url: { type: 'string' }, from: { type: 'string' } },
  });
  const modelsDir = path.resolve(values.dir ?? defaultDir);
  const [command, name] = positionals;
  if (command === 'list') {
    for (const m of Object.values(MODEL_CATALOGUE)) out(`${m.name}\t${m.licence}\t${m.bytes} B\t${m.what}`);
    return 0;
  }
  if (command === 'install' && name) {
    try {
      const r = await installModel(name, { modelsDir, url: values.url, fromFile: values.from });
      out(
        r.alreadyPresent
          ? `Mô hình ${name} đã có sẵn / model already installed: ${r.path} (sha256 ${r.sha256})`
          : `Đã cài mô hình ${name} / installed: ${r.path} (${r.bytes} B, sha256 ${r.sha256} verified)`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof ModelInstallError)) throw error;
      out(`Lỗi cài mô hình / model install failed: ${error.message}`);
      return 1;
    }
  }
  out('Cách dùng / usage: kycuong models list | kycuong models install <yunet|sface> [--dir DIR] [--url URL] [--from FILE]');
  return 2;
}

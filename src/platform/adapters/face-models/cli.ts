import path from 'node:path';
import { parseArgs } from 'node:util';
import { LOCAL_MODELS, MODEL_CATALOGUE } from './catalogue';
import { installLocalModel, installModel, ModelInstallError } from './install';

/**
 * `kycuong models list` and `kycuong models install <name> [--dir DIR] [--url URL] [--from FILE]`;
 * `kycuong models install intel-reid --from DIR` for Intel's IR files the operator copied (no download).
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
    for (const m of Object.values(LOCAL_MODELS)) out(`${m.name}\t${m.licence}\t${m.binBytes} B (.bin)\t${m.what}`);
    return 0;
  }
  if (command === 'install' && name && LOCAL_MODELS[name]) {
    if (!values.from) {
      out(`Mô hình ${name} chỉ cài từ tệp của nhà cung cấp / install it from the vendor's files: kycuong models install ${name} --from DIR`);
      return 2;
    }
    try {
      const r = await installLocalModel(name, { modelsDir, fromDir: path.resolve(values.from) });
      out(
        r.alreadyPresent
          ? `Mô hình ${name} đã có sẵn / model already installed: ${r.files.join(', ')} (sha256 ${r.binSha256})`
          : `Đã cài mô hình ${name} / installed: ${r.files.join(', ')} (sha256 ${r.binSha256} verified), ONNX: ${r.converted}`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof ModelInstallError)) throw error;
      out(`Lỗi cài mô hình / model install failed: ${error.message}`);
      return error.exitCode;
    }
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
      return error.exitCode;
    }
  }
  out('Cách dùng / usage: kycuong models list | kycuong models install <yunet|sface> [--dir DIR] [--url URL] [--from FILE] | kycuong models install intel-reid --from DIR [--dir DIR]');
  return 2;
}

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encrypts camera credentials at rest with AES-256-GCM. The key comes from KC_SECRET_KEY (hashed to 32 bytes) or,
 * when that is unset, from `<dataDir>/secret.key`, generated once with mode 0600. Ciphertext format:
 * `v1:<iv b64>:<tag b64>:<data b64>`.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static fromConfig(config: { secretKey?: string; dataDir: string }): SecretBox {
    if (config.secretKey) return new SecretBox(createHash('sha256').update(config.secretKey, 'utf8').digest());
    const file = path.join(config.dataDir, 'secret.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(config.dataDir, { recursive: true });
      try {
        fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
      } catch (err) {
        // Another process created it first: use theirs.
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} must hold 32 bytes in base64`);
    return new SecretBox(key);
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${data.toString('base64')}`;
  }

  open(sealed: string): string {
    const [v, iv, tag, data] = sealed.split(':');
    if (v !== 'v1' || !iv || !tag || data === undefined) throw new Error('unknown secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  }
}

export interface Credentials {
  username: string;
  password: string;
}

export function sealCredentials(box: SecretBox, c: Credentials | null): string | null {
  return c && (c.username || c.password) ? box.seal(JSON.stringify(c)) : null;
}

export function openCredentials(box: SecretBox, sealed: string | null): Credentials | null {
  return sealed ? (JSON.parse(box.open(sealed)) as Credentials) : null;
}

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The Ed25519 key that signs audit anchors. It lives in a file outside the database (by default
 * `<data dir>/keys/audit-anchor.key`, mode 0600), so whoever can rewrite the database alone cannot forge an anchor.
 * Verification needs only the public key: an auditor can hold `audit-anchor.pub` (or KC_AUDIT_PUBLIC_KEY_FILE)
 * without the private key.
 */
export interface AnchorSigner {
  /** SHA-256 of the public key (DER, SubjectPublicKeyInfo), hex: names the key in every anchor. */
  keyId: string;
  /** Set when the key file is readable by group or others (a leaked key lets anyone sign a forged anchor). */
  looseMode?: number;
  sign(data: Buffer): string;
}

export interface AnchorVerifier {
  keyId: string;
  verify(data: Buffer, signatureBase64: string): boolean;
}

function keyIdOf(pub: KeyObject): string {
  return createHash('sha256')
    .update(pub.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

function verifierFor(pub: KeyObject): AnchorVerifier {
  if (pub.asymmetricKeyType !== 'ed25519') throw new Error('audit anchor public key is not Ed25519');
  return {
    keyId: keyIdOf(pub),
    verify: (data, signature) => {
      try {
        return verify(null, data, pub, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}

/** Public key file written beside the private key, for auditors. */
export function publicKeyPathFor(keyFile: string): string {
  return keyFile.replace(/\.key$/, '') + '.pub';
}

/** Loads the signing key, creating it (0600, in a 0700 directory) when the file does not exist yet. */
export function loadOrCreateSigner(keyFile: string): AnchorSigner {
  if (!fs.existsSync(keyFile)) {
    fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    // 'wx' fails if another process created the file meanwhile; then we load theirs below.
    try {
      fs.writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
      fs.writeFileSync(publicKeyPathFor(keyFile), publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const mode = fs.statSync(keyFile).mode & 0o777;
  const priv = createPrivateKey(fs.readFileSync(keyFile));
  if (priv.asymmetricKeyType !== 'ed25519') throw new Error(`audit anchor key ${keyFile} is not an Ed25519 key`);
  const keyId = keyIdOf(createPublicKey(priv));
  return { keyId, looseMode: mode & 0o077 ? mode : undefined, sign: (data) => sign(null, data, priv).toString('base64') };
}

/**
 * The key anchors are checked with: the configured public key file, else the public half of the private key file,
 * else the `.pub` file beside it. Undefined when none exists (nothing was ever signed on this installation).
 */
export function loadVerifier(opts: { keyFile: string; publicKeyFile?: string }): AnchorVerifier | undefined {
  if (opts.publicKeyFile) return verifierFor(createPublicKey(fs.readFileSync(opts.publicKeyFile)));
  if (fs.existsSync(opts.keyFile)) return verifierFor(createPublicKey(createPrivateKey(fs.readFileSync(opts.keyFile))));
  const pub = publicKeyPathFor(opts.keyFile);
  if (fs.existsSync(pub)) return verifierFor(createPublicKey(fs.readFileSync(pub)));
  return undefined;
}

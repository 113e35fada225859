import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value that cannot be opened: wrong key, tampered text, or sealed for another record. */
export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}

/**
 * Channel secrets at rest (AES-256-GCM with SUNLIGHT_SECRET_KEY). The context (e.g. "account:12:secrets")
 * is authenticated with the text, so a sealed value copied onto another account or column does not open.
 */
export class SecretBox {
  private readonly macKey: Buffer;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('SecretBox needs a 32-byte key');
    // A separate key for signatures, so a MAC never reuses the encryption key directly.
    this.macKey = createHmac('sha256', key).update('sunlight:secret-box:mac').digest();
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
      .join(':');
  }

  open(sealed: string, context: string): string {
    const [version, iv, tag, body] = sealed.split(':');
    if (version !== VERSION || iv === undefined || tag === undefined || body === undefined)
      throw new SecretBoxError('not a sealed value');
    const ivBytes = Buffer.from(iv, 'base64');
    const tagBytes = Buffer.from(tag, 'base64');
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES)
      throw new SecretBoxError('not a sealed value');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, ivBytes);
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tagBytes);
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    } catch (cause) {
      throw new SecretBoxError(
        'sealed value does not open: wrong key, altered, or sealed for another record',
        {
          cause,
        },
      );
    }
  }

  /** A signature for values handed to the browser and back (e.g. an OAuth state). */
  sign(text: string): string {
    return createHmac('sha256', this.macKey).update(text).digest('base64url');
  }

  verify(text: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(text));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

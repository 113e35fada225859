import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox, SecretBoxError } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, and never stores the plaintext', () => {
    const sealed = box.seal('{"appSecret":"s3cr3t-值"}', 'account:1:secrets');
    expect(sealed).not.toContain('s3cr3t');
    expect(sealed.startsWith('v1:')).toBe(true);
    expect(box.open(sealed, 'account:1:secrets')).toBe('{"appSecret":"s3cr3t-值"}');
  });

  it('seals the same text differently each time', () => {
    expect(box.seal('x', 'c')).not.toBe(box.seal('x', 'c'));
  });

  it('refuses a tampered value', () => {
    const sealed = box.seal('token-123', 'account:1:token');
    const [v, iv, tag, body] = sealed.split(':');
    const bytes = Buffer.from(body!, 'base64');
    bytes[0] = bytes[0]! ^ 1;
    expect(() => box.open([v, iv, tag, bytes.toString('base64')].join(':'), 'account:1:token')).toThrow(
      SecretBoxError,
    );
    expect(() => box.open('garbage', 'account:1:token')).toThrow(SecretBoxError);
  });

  it('refuses a value sealed with another key', () => {
    const sealed = new SecretBox(randomBytes(32)).seal('token-123', 'account:1:token');
    expect(() => box.open(sealed, 'account:1:token')).toThrow(SecretBoxError);
  });

  it('refuses a value moved to another record', () => {
    const sealed = box.seal('token-123', 'account:1:token');
    expect(() => box.open(sealed, 'account:2:token')).toThrow(SecretBoxError);
  });

  it('signs and verifies', () => {
    const sig = box.sign('7.123');
    expect(box.verify('7.123', sig)).toBe(true);
    expect(box.verify('8.123', sig)).toBe(false);
    expect(box.verify('7.123', 'short')).toBe(false);
  });

  it('insists on a 32-byte key', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32-byte/);
  });
});

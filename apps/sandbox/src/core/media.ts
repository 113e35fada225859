// Uploaded images and files (Weibo pictures, WeChat material), kept under <dataDir>/media and served
// back by the sandbox so the links it hands out work in the demo.
import { prep } from './db';
import fs from 'node:fs';
import path from 'node:path';
import type { SandboxContext } from './context';
import { randomUrlSafe } from './ids';

export type ImageType = 'jpg' | 'png' | 'gif' | 'bmp';

/** Image type from the file's magic bytes; platforms ignore the declared name and MIME type. */
export function sniffImage(data: Buffer): ImageType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg';
  if (
    data.length >= 8 &&
    data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'png';
  }
  if (data.length >= 4 && data.subarray(0, 4).toString('latin1') === 'GIF8') return 'gif';
  if (data.length >= 2 && data.subarray(0, 2).toString('latin1') === 'BM') return 'bmp';
  return null;
}

const MIME: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  bmp: 'image/bmp',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
};

export interface StoredMedia {
  media_id: string;
  account_id: string;
  type: string;
  mime: string;
  bytes: number;
  permanent: number;
  /** Path under the sandbox's public base (prefixed when sent out, so a restart on another port works). */
  url: string;
}

export function storeMedia(
  ctx: SandboxContext,
  m: {
    accountId: string;
    type: string;
    ext: string;
    data: Buffer;
    permanent: boolean;
    url: (id: string) => string;
  },
): StoredMedia {
  const id = randomUrlSafe(43).replace(/^[-_]/, 'A');
  fs.writeFileSync(path.join(ctx.mediaDir, id), m.data);
  const row: StoredMedia = {
    media_id: id,
    account_id: m.accountId,
    type: m.type,
    mime: MIME[m.ext] ?? 'application/octet-stream',
    bytes: m.data.length,
    permanent: m.permanent ? 1 : 0,
    url: m.url(id),
  };
  prep(
    ctx.db,
    `INSERT INTO media (media_id, account_id, type, mime, bytes, permanent, url, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.media_id, row.account_id, row.type, row.mime, row.bytes, row.permanent, row.url, ctx.clock.now());
  return row;
}

export function findMedia(ctx: SandboxContext, id: string): StoredMedia | undefined {
  return prep(ctx.db, 'SELECT * FROM media WHERE media_id = ?').get(id) as StoredMedia | undefined;
}

export function mediaFile(ctx: SandboxContext, id: string): string | null {
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(id)) return null;
  const file = path.join(ctx.mediaDir, id);
  return fs.existsSync(file) ? file : null;
}

/** A 1×1 grey PNG for avatars and pictures that were never uploaded (seeded history). */
export const PLACEHOLDER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mO8e+/efwAIsAOv4NO2WQAAAABJRU5ErkJggg==',
  'base64',
);

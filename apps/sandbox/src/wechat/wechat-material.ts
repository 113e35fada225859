// Material uploads: media/uploadimg (images used inside article HTML), material/add_material (permanent
// material; a draft's thumb_media_id must be one of these) and media/upload (temporary, 3 days).
import type { SandboxContext } from '../core/context';
import { findMedia, sniffImage, storeMedia } from '../core/media';
import { WechatError } from './wechat-errors';
import type { WxHandler } from './wechat-handler';

const LIMITS: Record<string, number> = {
  image: 10 * 1024 * 1024,
  thumb: 64 * 1024,
  voice: 2 * 1024 * 1024,
  video: 10 * 1024 * 1024,
};

export function materialHandlers(ctx: SandboxContext) {
  const mediaFile = (req: Parameters<WxHandler>[0]) => {
    const file = req.sbx.files.find((f) => f.field === 'media');
    if (!file || file.data.length === 0) throw new WechatError(41005);
    return file;
  };
  const imageUrl = (id: string, ext: string) => `/mmbiz_${ext}/${id}/0`;

  const uploadImg: WxHandler = (req, account) => {
    const file = mediaFile(req);
    const type = sniffImage(file.data);
    if (type !== 'jpg' && type !== 'png') throw new WechatError(40005);
    if (file.data.length > 1024 * 1024) throw new WechatError(40009);
    const m = storeMedia(ctx, {
      accountId: account.id,
      type: 'uploadimg',
      ext: type,
      data: file.data,
      permanent: true,
      url: (id) => imageUrl(id, type),
    });
    return { url: ctx.publicBase + m.url };
  };

  const store = (req: Parameters<WxHandler>[0], accountId: string, permanent: boolean) => {
    const kind = req.sbx.fields.type ?? '';
    if (!(kind in LIMITS)) throw new WechatError(40004);
    const file = mediaFile(req);
    let ext = kind === 'voice' ? 'mp3' : kind === 'video' ? 'mp4' : 'bin';
    if (kind === 'image' || kind === 'thumb') {
      const type = sniffImage(file.data);
      if (!type || (kind === 'thumb' && type !== 'jpg')) throw new WechatError(40005);
      ext = type;
    }
    if (file.data.length > LIMITS[kind]!)
      throw new WechatError(kind === 'image' || kind === 'thumb' ? 40009 : 45001);
    return storeMedia(ctx, {
      accountId,
      type: kind,
      ext,
      data: file.data,
      permanent,
      url: (id) => (kind === 'image' || kind === 'thumb' ? imageUrl(id, ext) : `/media/${id}`),
    });
  };

  const addMaterial: WxHandler = (req, account) => {
    const m = store(req, account.id, true);
    return m.type === 'image' || m.type === 'thumb'
      ? { media_id: m.media_id, url: ctx.publicBase + m.url }
      : { media_id: m.media_id };
  };

  const uploadTemp: WxHandler = (req, account) => {
    const m = store(req, account.id, false);
    return { type: m.type, media_id: m.media_id, created_at: Math.floor(ctx.clock.now() / 1000) };
  };

  const materialCount: WxHandler = (_req, account) => {
    const rows = ctx.db
      .prepare('SELECT type, COUNT(*) AS n FROM media WHERE account_id = ? AND permanent = 1 GROUP BY type')
      .all(account.id) as { type: string; n: number }[];
    const n = (t: string) => rows.find((r) => r.type === t)?.n ?? 0;
    return {
      voice_count: n('voice'),
      video_count: n('video'),
      image_count: n('image') + n('thumb'),
      news_count: 0,
    };
  };

  return { uploadImg, addMaterial, uploadTemp, materialCount };
}

/** A permanent image or thumb of this account, as a draft's cover must be. */
export function isPermanentCover(ctx: SandboxContext, accountId: string, mediaId: string): string | null {
  const m = findMedia(ctx, mediaId);
  if (!m || m.account_id !== accountId || !m.permanent || (m.type !== 'image' && m.type !== 'thumb'))
    return null;
  return m.url;
}

// The message push (服务器配置) in plaintext mode: the signature check and the pushed XML read into what the
// collectors store. Pure functions; the HTTP endpoint that receives pushes calls them.
import { createHash, timingSafeEqual } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MalformedResponseError } from '../channel-errors';
import type { CollectedInteraction, PublicationStatus } from '../channel.interface';
import { refId } from './wechat-refs';
import { publishOutcome } from './wechat-publish-status';

export interface PushSignature {
  signature: string;
  timestamp: string;
  nonce: string;
}

/** sha1 of the sorted [token, timestamp, nonce], compared in constant time. */
export function verifyWechatSignature(token: string, q: PushSignature): boolean {
  const expected = createHash('sha1').update([token, q.timestamp, q.nonce].sort().join('')).digest();
  const given = Buffer.from(q.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type WechatPush =
  /** A follower's message (私信). */
  | { type: 'message'; interaction: CollectedInteraction }
  /** A free-publish job ended (PUBLISHJOBFINISH). */
  | { type: 'publishFinished'; publishId: string; status: PublicationStatus }
  /** Anything else (subscribe, menu clicks, mass-send reports): acknowledged, not stored. */
  | { type: 'ignored'; msgType: string; event: string | null };

// Every value stays a string: MsgId is a 64-bit number that a double would round.
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => name === 'item' || name === 'fail_idx',
});

type Node = Record<string, unknown>;

function text(node: Node, key: string): string | null {
  const v = node[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

function malformed(why: string): MalformedResponseError {
  return new MalformedResponseError({
    code: null,
    message: `推送消息无法解析 / unreadable WeChat push: ${why}`,
  });
}

export function parseWechatPush(xml: string): WechatPush {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw malformed(valid.err.msg);
  const root = (parser.parse(xml) as Node).xml;
  if (typeof root !== 'object' || root === null) throw malformed('no <xml> root');
  const msg = root as Node;
  const msgType = text(msg, 'MsgType');
  if (!msgType) throw malformed('no MsgType');
  const event = text(msg, 'Event');
  if (msgType === 'event' && event === 'PUBLISHJOBFINISH') return publishFinished(msg);
  if (msgType === 'event') return { type: 'ignored', msgType, event };
  return { type: 'message', interaction: message(msg, msgType) };
}

/** What a follower sent, as text an operator can read in the inbox. */
function messageText(msg: Node, msgType: string): string {
  switch (msgType) {
    case 'text':
      return text(msg, 'Content') ?? '';
    case 'image':
      return `[图片] ${text(msg, 'PicUrl') ?? ''}`.trim();
    case 'voice':
      return text(msg, 'Recognition') || '[语音]';
    case 'video':
    case 'shortvideo':
      return '[视频]';
    case 'location':
      return `[位置] ${text(msg, 'Label') ?? ''}`.trim();
    case 'link':
      return `[链接] ${text(msg, 'Title') ?? ''} ${text(msg, 'Url') ?? ''}`.trim();
    default:
      return `[${msgType}]`;
  }
}

function message(msg: Node, msgType: string): CollectedInteraction {
  const msgId = text(msg, 'MsgId');
  const openid = text(msg, 'FromUserName');
  const created = Number(text(msg, 'CreateTime'));
  if (!msgId || !openid || !Number.isFinite(created))
    throw malformed('message without MsgId, FromUserName or CreateTime');
  const msgDataId = text(msg, 'MsgDataId');
  const idx = Number(text(msg, 'Idx'));
  return {
    externalId: msgId,
    kind: 'message',
    text: messageText(msg, msgType),
    authorId: openid,
    authorName: null,
    createdAt: new Date(created * 1000),
    // Sent from an article's page: MsgDataId and Idx (1-based) name it.
    publicationExternalId: msgDataId && idx > 0 ? refId({ msgDataId, idx }) : null,
    parentExternalId: null,
    replyContext: { openid },
  };
}

function publishFinished(msg: Node): WechatPush {
  const info = msg.PublishEventInfo as Node | undefined;
  const publishId = info ? text(info, 'publish_id') : null;
  if (!info || !publishId) throw malformed('PUBLISHJOBFINISH without publish_id');
  const detail = info.article_detail as Node | undefined;
  const items = (detail?.item as Node[] | undefined) ?? [];
  const status = publishOutcome(
    {
      publish_id: publishId,
      publish_status: Number(text(info, 'publish_status')),
      article_id: text(info, 'article_id') ?? undefined,
      article_detail: {
        item: items.map((i) => ({ idx: Number(text(i, 'idx')), article_url: text(i, 'article_url') ?? '' })),
      },
      fail_idx: ((info.fail_idx as unknown[] | undefined) ?? []).map(Number),
    },
    new Date(Number(text(msg, 'CreateTime')) * 1000),
  );
  return { type: 'publishFinished', publishId, status };
}

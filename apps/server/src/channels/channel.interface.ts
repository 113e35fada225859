// One interface for every channel (门户网站, 微博, 微信, 订阅源). Providers speak their platform's wire format and
// throw the typed errors of channel-errors.ts; the dispatcher and the collectors decide what to do with each class.
// Providers never touch the database: what they need (credentials, tokens, cursors) comes in, what they learn
// goes out.
import type { Channel, InteractionKind, PublicationKind } from '@sunlight/contracts';

/** An account as a provider sees it: where to call and with what. */
export interface ChannelAccount {
  id: number;
  channel: Channel;
  /** The platform's base URL (the real one, or the sandbox's). */
  baseUrl: string;
  /** Non-secret settings (libs/contracts channelSettingsSchemas): Weibo `uid`, WeChat `appid`, portal `siteId`
   *  and `feedUrl`, a feed's `url`. */
  settings: Readonly<Record<string, string>>;
  /** Decrypted secrets (channelSecretKeys): Weibo `appKey`/`appSecret`, WeChat `secret`, portal `apiKey`.
   *  Never logged. */
  secrets: Readonly<Record<string, string>>;
  /** The current access token, where the platform uses one. */
  accessToken: string | null;
}

export interface ConnectionCheck {
  /** The account's name on the platform, to show the operator that the right account answered. */
  displayName: string;
  detail?: string;
}

export interface TokenGrant {
  accessToken: string;
  expiresAt: Date;
}

/** What we send: one post tailored for one account. */
export interface OutgoingPublication {
  /** Stable per publication; lets a provider (or a person) recognise a retry of the same send. */
  idempotencyKey: string;
  kind: Exclude<PublicationKind, 'unclassified'>;
  title: string;
  /** Plain text (Weibo) or sanitised HTML (WeChat, portal). */
  body: string;
  digest?: string;
  author?: string;
  /** Portal column code. */
  columnCode?: string;
  /** For a forward: the external id of what we repost. */
  forwardOf?: string;
  images?: { fileName: string; contentType: string; data: Buffer }[];
  /** IP of the person who wrote or approved it: Weibo wants the end user's address (`rip`) on writes. */
  operatorIp?: string;
  /**
   * Awaited just before the call that may make the publication public, where the preparation before it can
   * take long: a platform that publishes asynchronously shows nothing of a send for a while after that call
   * (see PublicationLookup.sentAt), so the dispatcher records the moment.
   */
  beforeSubmit?: () => Promise<void>;
}

export type PublishResult =
  | { state: 'published'; externalId: string; url: string | null; publishedAt: Date }
  /** Accepted but not live yet (WeChat's asynchronous free-publish): poll fetchPublicationStatus. */
  | { state: 'pending'; externalId: string };

export type PublicationStatus =
  | { state: 'published'; externalId: string; url: string | null; publishedAt: Date }
  | { state: 'pending'; externalId: string }
  | { state: 'failed'; reason: string }
  /** The platform has no trace of it: safe to send. */
  | { state: 'absent' };

/** How to find a publication whose send may or may not have happened. */
export interface PublicationLookup {
  idempotencyKey: string;
  /** Set when the platform answered with an id before the outcome was lost. */
  externalId: string | null;
  title: string;
  body: string;
  /** Only timeline entries after this instant can be ours. */
  notBefore: Date;
  /**
   * When the send in question was made (this side's clock; `notBefore` when not given): its call that may
   * have made it public, no earlier (OutgoingPublication.beforeSubmit). A platform that publishes
   * asynchronously may show nothing of a send for a while after it: absence means nothing then.
   */
  sentAt?: Date;
}

/** One of our own publications seen on the platform (own timeline, feed, article list). */
export interface CollectedPublication {
  externalId: string;
  kind: PublicationKind;
  title: string;
  text: string;
  url: string | null;
  publishedAt: Date;
  columnCode?: string;
  /** What a forward reposts, if the platform says. */
  forwardOf?: string | null;
  metrics?: MetricSample;
}

/** Something the public sent. */
export interface CollectedInteraction {
  externalId: string;
  kind: InteractionKind;
  text: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
  /** The publication it answers, by its external id. */
  publicationExternalId: string | null;
  /** The interaction it answers (a reply to a comment). */
  parentExternalId: string | null;
  /** Platform fields needed to reply (e.g. WeChat msg_data_id and index). */
  replyContext?: Readonly<Record<string, string>>;
  title?: string;
}

export interface MetricSample {
  externalId: string;
  /**
   * Unset: running totals now (Weibo counts). Set (YYYY-MM-DD, Asia/Shanghai): that day's increments only,
   * where the platform reports statistics by day (WeChat datacube, portal page views); one sample per day.
   */
  day?: string;
  reads?: number;
  likes?: number;
  reposts?: number;
  comments?: number;
  pageViews?: number;
}

/** A page of one stream. `cursor` is opaque to callers and persisted with the rows it covers. */
export interface CollectBatch {
  publications: CollectedPublication[];
  interactions: CollectedInteraction[];
  /** Statistics by day of publications already collected (a history import's `stats` stream). */
  metrics?: MetricSample[];
  cursor: string | null;
  /** More is waiting behind this cursor: call again now. */
  more: boolean;
  /** The server said nothing changed (feed conditional GET). */
  notModified?: boolean;
}

export interface ReplyTarget {
  interactionExternalId: string;
  publicationExternalId: string | null;
  replyContext?: Readonly<Record<string, string>>;
  /** As OutgoingPublication.operatorIp. */
  operatorIp?: string;
}

export interface ChannelProvider {
  readonly channel: Channel;
  /** Streams this platform is collected by (own timeline, comments, letters …), each with its own cursor. */
  readonly streams: readonly string[];
  /** Streams a history import walks, where they differ from the polled ones (a feed shows only the latest). */
  readonly importStreams?: readonly string[];
  testConnection(account: ChannelAccount): Promise<ConnectionCheck>;
  /** Obtains a new token from the platform; the caller stores it (one refresh per account, not per worker). */
  refreshToken(account: ChannelAccount): Promise<TokenGrant>;
  publish(account: ChannelAccount, publication: OutgoingPublication): Promise<PublishResult>;
  fetchPublicationStatus(account: ChannelAccount, lookup: PublicationLookup): Promise<PublicationStatus>;
  collect(account: ChannelAccount, stream: string, cursor: string | null): Promise<CollectBatch>;
  reply(account: ChannelAccount, target: ReplyTarget, text: string): Promise<{ externalId: string }>;
  fetchMetrics(account: ChannelAccount, externalIds: readonly string[]): Promise<MetricSample[]>;
}

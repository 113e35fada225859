// Queued publications as approval leaves them, written straight to the database (the review workflow has its
// own tests), and the dispatcher's tick and job drain run on demand against the real sandbox.
import { type PublicationPayload, type PublicationStatus } from '@sunlight/contracts';
import { PostEntity, PublicationEntity } from '../../../src/database/entities';
import { FileStore } from '../../../src/modules/posts/file-store';
import { DispatchSchedule } from '../../../src/modules/dispatch/dispatch-schedule.service';
import { type FaultSpec } from '../../channels/support/channel-sandbox';
import { type CollectionFixture } from '../../collection/support/collection-fixture';

let serial = 0;

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A post of the admin's department with one queued publication to `accountId`, due now unless told. */
export async function queuePublication(
  f: CollectionFixture,
  accountId: number,
  over: {
    body?: string;
    title?: string;
    columnCode?: string;
    dueAt?: Date;
    classification?: 'public' | 'internal';
    /** WeChat articles need a cover image. */
    cover?: boolean;
    /** Another target account of this post (one post goes to several accounts). */
    postId?: number;
  } = {},
): Promise<PublicationEntity> {
  serial += 1;
  const title = over.title ?? `测试发布 ${serial} ${Date.now()}`;
  // Weibo's share API takes only text linking to a domain bound to the app (gov.cn is, in the sandbox).
  const body =
    over.body ??
    `警情通报第 ${serial} 号：今日辖区治安平稳。${Date.now()} https://gaj.jiangcheng.gov.cn/n${serial}`;
  const post = over.postId
    ? await f.t.ds.getRepository(PostEntity).findOneByOrFail({ id: over.postId })
    : await newPost(f, title, body, over.classification ?? 'public');
  const idempotencyKey = `post:${post.id}:account:${accountId}:v1`;
  const payload: PublicationPayload = {
    idempotencyKey,
    kind: 'original',
    title,
    body,
    columnCode: over.columnCode,
    images: over.cover
      ? [{ hash: await f.t.app.get(FileStore).put(PNG), fileName: 'cover.png', contentType: 'image/png' }]
      : [],
    attachments: [],
  };
  return f.t.ds.getRepository(PublicationEntity).save({
    accountId,
    postId: post.id,
    columnId: null,
    externalId: null,
    kind: 'original',
    title,
    text: body,
    url: null,
    status: 'queued',
    failure: null,
    source: 'sunlight',
    idempotencyKey,
    publishedAt: null,
    dueAt: over.dueAt ?? new Date(f.t.clock.now().getTime() - 1000),
    payload: JSON.stringify(payload),
    forwardOf: null,
    attempts: 0,
    lastError: null,
  });
}

function newPost(
  f: CollectionFixture,
  title: string,
  body: string,
  classification: 'public' | 'internal',
): Promise<PostEntity> {
  return f.t.ds.getRepository(PostEntity).save({
    departmentId: f.departmentId,
    authorId: f.admin.session!.user.id,
    title,
    body,
    kind: 'original',
    forwardOf: null,
    classification,
    tags: '[]',
    attachmentIds: '[]',
    status: 'scheduled',
  });
}

/** One dispatcher tick and the jobs it leads to, until nothing is due. */
export async function dispatchTick(f: CollectionFixture, workers = 1): Promise<number> {
  await f.t.app.get(DispatchSchedule).enqueueDue();
  return f.drain(workers);
}

/**
 * Ticks with the clock moved on 10 s each time (and a moment of real time for the sandbox's own timers, e.g.
 * WeChat finishing a publish job) until the publication is published or 40 ticks have passed.
 */
export async function dispatchUntilPublished(f: CollectionFixture, id: number): Promise<void> {
  for (let i = 0; i < 40 && (await publication(f, id)).status !== 'published'; i++) {
    f.t.clock.advance(10_000);
    await new Promise((r) => setTimeout(r, 100));
    await dispatchTick(f);
  }
}

export async function publication(f: CollectionFixture, id: number): Promise<PublicationEntity> {
  return f.t.ds.getRepository(PublicationEntity).findOneByOrFail({ id });
}

export async function postStatus(f: CollectionFixture, postId: number): Promise<string> {
  return (await f.t.ds.getRepository(PostEntity).findOneByOrFail({ id: postId })).status;
}

/** A fault on Weibo's publish call (statuses/share), once unless told. */
export function faultWeiboShare(f: CollectionFixture, spec: Omit<FaultSpec, 'platform' | 'endpoint'>) {
  return f.sandbox.fault({ platform: 'weibo', endpoint: '/2/statuses/share.json', times: 1, ...spec });
}

/** WeChat takes the next submit but its answer is lost: the job publishes, the sender cannot know it. */
export function loseWechatSubmitAnswer(f: CollectionFixture) {
  return f.sandbox.fault({
    platform: 'wechat',
    endpoint: '/cgi-bin/freepublish/submit',
    kind: 'drop',
    phase: 'after',
    times: 1,
  });
}

/** The sandbox's ledger entries of one publication, by the unique marks in its title and text. */
export async function sentOf(f: CollectionFixture, sandboxId: string, pub: PublicationEntity) {
  const marks = [...`${pub.title} ${pub.text}`.matchAll(/\d{13}/g)].map((m) => m[0]);
  return (await sent(f, sandboxId)).filter((i) => marks.some((m) => `${i.title} ${i.text}`.includes(m)));
}

/** What the sandbox accepted for the account through the API (not seeded history). */
export async function sent(f: CollectionFixture, sandboxId: string) {
  const r = await f.sandbox.ctl<{ items: { externalId: string; title: string; text: string }[] }>(
    'GET',
    `/published?account=${sandboxId}&origin=api&limit=1000`,
  );
  return r.items;
}

export function expectStatus(p: PublicationEntity, status: PublicationStatus): void {
  if (p.status !== status) throw new Error(`expected ${status}, got ${p.status}: ${p.lastError ?? ''}`);
}

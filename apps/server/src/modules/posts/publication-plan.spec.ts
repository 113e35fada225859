import { publicationPayloadSchema } from '@sunlight/contracts';
import { describe, expect, it } from 'vitest';
import { type PostVariantEntity } from '../../database/entities';
import { idempotencyKey, planPublications } from './publication-plan';

const variant = (over: Partial<PostVariantEntity>) =>
  ({
    id: 1,
    postId: 5,
    accountId: 11,
    channel: 'weibo',
    columnId: null,
    column: null,
    title: '标题',
    text: '【标题】正文',
    digest: '',
    author: '',
    coverId: null,
    imageIds: '[]',
    attachmentIds: '[]',
    edited: false,
    ...over,
  }) as PostVariantEntity;

describe('planPublications', () => {
  const post = { id: 5, version: 7, kind: 'original' as const, title: '标题', forwardOf: null };
  const files = new Map([
    [3, { hash: 'a'.repeat(64), name: '现场.jpg', mime: 'image/jpeg' }],
    [4, { hash: 'b'.repeat(64), name: '通报.pdf', mime: 'application/pdf' }],
  ]);
  const due = new Date('2026-12-01T02:00:00Z');

  it('plans one queued publication per target with a stable key and a frozen payload', () => {
    const rows = planPublications(
      post,
      [
        variant({ imageIds: '[3]' }),
        variant({
          accountId: 12,
          channel: 'wechat',
          text: '<p>正文</p>',
          coverId: 3,
          imageIds: '[3]',
          digest: '摘要',
          author: '宣传处',
        }),
        variant({
          accountId: 13,
          channel: 'portal',
          text: '<p>正文</p>',
          columnId: 2,
          column: { code: 'jwdt' } as PostVariantEntity['column'],
          attachmentIds: '[4]',
        }),
      ],
      files,
      due,
      '10.0.0.8',
    );
    expect(rows.map((r) => r.idempotencyKey)).toEqual([
      'post:5:account:11:v7',
      'post:5:account:12:v7',
      'post:5:account:13:v7',
    ]);
    expect(rows.every((r) => r.dueAt === due)).toBe(true);
    const [weibo, wechat, portal] = rows.map((r) => publicationPayloadSchema.parse(JSON.parse(r.payload!)));
    expect(weibo).toMatchObject({
      body: '【标题】正文',
      images: [{ fileName: '现场.jpg' }],
      operatorIp: '10.0.0.8',
    });
    expect(wechat).toMatchObject({ digest: '摘要', author: '宣传处', images: [{ hash: 'a'.repeat(64) }] });
    expect(portal).toMatchObject({ columnCode: 'jwdt', attachments: [{ contentType: 'application/pdf' }] });
    expect(rows[1]!.text).toBe('正文');
    expect(idempotencyKey(5, 12, 8)).not.toBe(rows[1]!.idempotencyKey);
  });
});

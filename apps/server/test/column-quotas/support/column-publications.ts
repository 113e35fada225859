import { type PublicationStatus } from '@sunlight/contracts';
import { type DataSource } from 'typeorm';
import { PublicationEntity } from '../../../src/database/entities';

let serial = 0;

/**
 * A publication in a portal column as the collector imports it, at an exact instant (UTC ISO), so a test can
 * place it on either side of Asia/Shanghai midnight.
 */
export async function insertColumnPublication(
  ds: DataSource,
  column: { accountId: number; id: number },
  at: string,
  status: PublicationStatus = 'published',
): Promise<void> {
  await ds.getRepository(PublicationEntity).insert({
    accountId: column.accountId,
    columnId: column.id,
    externalId: `column-${++serial}`,
    kind: 'original',
    title: '信息',
    text: '正文',
    status,
    source: 'imported',
    publishedAt: new Date(at),
  });
}

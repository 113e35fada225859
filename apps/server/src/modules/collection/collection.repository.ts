// The collector's write path: what a page of a stream brought, upserted by (account, external id) in
// multi-row statements inside the job's transaction. One statement per ≤500 rows, no per-row SELECT.
import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import type {
  CollectedInteraction,
  CollectedPublication,
  MetricSample,
} from '../../channels/channel.interface';
import { markRollupDirty } from '../figures/figure-rollup-marks';
import { chunked, clip, engineOfTx, insertRows, instantParam, lastByKey, quoted } from './collection-sql';

const PUBLICATION_COLUMNS = [
  'account_id',
  'external_id',
  'kind',
  'title',
  'text',
  'url',
  'status',
  'source',
  'published_at',
  'forward_of',
  'column_id',
  'created_at',
  'updated_at',
];
/** What a later reading of an imported publication may change (an edit, a column move). */
const PUBLICATION_UPDATES = [
  'kind',
  'title',
  'text',
  'url',
  'published_at',
  'forward_of',
  'column_id',
  'updated_at',
];

/** Also the bench's raw INSERT (bench/ingest), so both write the same columns. */
export const INTERACTION_COLUMNS = [
  'account_id',
  'external_id',
  'kind',
  'text',
  'author_id',
  'author_name',
  'created_at',
  'collected_at',
  'publication_external_id',
  'parent_external_id',
  'reply_context',
  'title',
];

/**
 * MySQL's TEXT holds 65,535 bytes: at most 4 bytes a character in utf8mb4, this many characters always fit.
 * A longer article or letter is stored cut rather than failing its whole page on every poll.
 */
const MAX_TEXT = 16_000;

const METRIC_COLUMNS = [
  'publication_id',
  'taken_at',
  'day',
  'reads',
  'likes',
  'reposts',
  'comments',
  'page_views',
];
const METRIC_UPDATES = METRIC_COLUMNS.filter((c) => c !== 'publication_id' && c !== 'day');

@Injectable()
export class CollectionRepository {
  /**
   * Publications found on the account's own timeline, as `imported`. A row Sunlight sent (`source` sunlight)
   * with the same external id is the same post: it is left exactly as the dispatcher wrote it.
   */
  async upsertPublications(
    tx: EntityManager,
    accountId: number,
    items: readonly CollectedPublication[],
    now: Date,
  ): Promise<void> {
    if (items.length === 0) return;
    const engine = engineOfTx(tx);
    const columns = items.some((p) => p.columnCode)
      ? await this.columnIds(tx, accountId)
      : new Map<string, number>();
    const at = instantParam(tx, now);
    const onConflict =
      engine === 'mysql'
        ? `ON DUPLICATE KEY UPDATE ${PUBLICATION_UPDATES.map((c) => `${c} = IF(source = 'imported', VALUES(${c}), ${c})`).join(', ')}`
        : `ON CONFLICT (account_id, external_id) DO UPDATE SET ${PUBLICATION_UPDATES.map((c) => `${c} = excluded.${c}`).join(', ')}
           WHERE publications.source = 'imported'`;
    await markRollupDirty(tx, accountId, items);
    await insertRows(
      tx,
      { table: 'publications', columns: PUBLICATION_COLUMNS, onConflict },
      lastByKey(items, (p) => p.externalId),
      (p) => [
        accountId,
        clip(p.externalId, 128),
        p.kind,
        clip(p.title, 255),
        clip(p.text, MAX_TEXT),
        clip(p.url, 512),
        'published',
        'imported',
        instantParam(tx, p.publishedAt),
        clip(p.forwardOf, 128),
        (p.columnCode && columns.get(p.columnCode)) ?? null,
        at,
        at,
      ],
    );
  }

  /**
   * What the public sent. An interaction never changes once written (a platform does not edit comments), so a
   * repeat is skipped: the first reading, with the time it was first collected, stays.
   */
  async upsertInteractions(
    tx: EntityManager,
    accountId: number,
    items: readonly CollectedInteraction[],
    now: Date,
  ): Promise<void> {
    if (items.length === 0) return;
    const onConflict =
      engineOfTx(tx) === 'mysql'
        ? 'ON DUPLICATE KEY UPDATE id = id'
        : 'ON CONFLICT (account_id, external_id) DO NOTHING';
    const at = instantParam(tx, now);
    await insertRows(
      tx,
      { table: 'interactions', columns: INTERACTION_COLUMNS, onConflict },
      lastByKey(items, (i) => i.externalId),
      (i) => [
        accountId,
        clip(i.externalId, 128),
        i.kind,
        clip(i.text, MAX_TEXT),
        clip(i.authorId, 128),
        clip(i.authorName, 128),
        instantParam(tx, i.createdAt),
        at,
        clip(i.publicationExternalId, 128),
        clip(i.parentExternalId, 128),
        i.replyContext ? JSON.stringify(i.replyContext) : null,
        clip(i.title, 255),
      ],
    );
  }

  /**
   * Metric samples of the account's publications, taken `now`. Running totals add a row per reading (a
   * time series); a per-day sample replaces the one stored for its publication and day, so reading a day
   * again never counts it twice. Samples of publications not stored (yet) are dropped.
   */
  async storeMetricSamples(
    tx: EntityManager,
    accountId: number,
    samples: readonly MetricSample[],
    now: Date,
  ): Promise<number> {
    if (samples.length === 0) return 0;
    const engine = engineOfTx(tx);
    const ids = await this.publicationIds(tx, accountId, [...new Set(samples.map((s) => s.externalId))]);
    const rows = lastByKey(
      samples.filter((s) => ids.has(s.externalId)),
      (s) => `${s.externalId}|${s.day ?? ''}`,
    );
    const set = METRIC_UPDATES.map((c) => quoted(engine, c));
    const onConflict =
      engine === 'mysql'
        ? `ON DUPLICATE KEY UPDATE ${set.map((c) => `${c} = VALUES(${c})`).join(', ')}`
        : `ON CONFLICT (publication_id, day) DO UPDATE SET ${set.map((c) => `${c} = excluded.${c}`).join(', ')}`;
    await markRollupDirty(tx, accountId, rows);
    const at = instantParam(tx, now);
    await insertRows(tx, { table: 'metric_snapshots', columns: METRIC_COLUMNS, onConflict }, rows, (s) => [
      ids.get(s.externalId)!,
      at,
      s.day ?? null,
      s.reads ?? null,
      s.likes ?? null,
      s.reposts ?? null,
      s.comments ?? null,
      s.pageViews ?? null,
    ]);
    return rows.length;
  }

  private async publicationIds(
    tx: EntityManager,
    accountId: number,
    externalIds: readonly string[],
  ): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const batch of chunked(externalIds)) {
      const rows = await tx.query<Array<{ id: number | string; external_id: string }>>(
        `SELECT id, external_id FROM publications WHERE account_id = ? AND external_id IN (${batch.map(() => '?').join(', ')})`,
        [accountId, ...batch],
      );
      for (const r of rows) out.set(r.external_id, Number(r.id));
    }
    return out;
  }

  /** 栏目 codes of a portal account, to file collected articles under their column. */
  private async columnIds(tx: EntityManager, accountId: number): Promise<Map<string, number>> {
    const rows = await tx.query<Array<{ id: number | string; code: string }>>(
      'SELECT id, code FROM columns WHERE account_id = ?',
      [accountId],
    );
    return new Map(rows.map((r) => [r.code, Number(r.id)]));
  }
}

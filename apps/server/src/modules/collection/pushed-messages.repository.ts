import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CollectedInteraction } from '../../channels/channel.interface';
import { CollectionRepository } from './collection.repository';

/** Messages a platform pushes to us, stored through the collector's own write path (upsert by external id). */
@Injectable()
export class PushedMessagesRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly rows: CollectionRepository,
  ) {}

  store(accountId: number, interaction: CollectedInteraction, now: Date): Promise<void> {
    return this.ds.transaction((tx) => this.rows.upsertInteractions(tx, accountId, [interaction], now));
  }
}

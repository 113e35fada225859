import { type HitLevel } from '@sunlight/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UpdatedAtColumn } from '../columns';

/**
 * The one row (id 1, created by the migration) that every process reads to know whether its compiled
 * dictionary is stale: `version` goes up in the same transaction as any change to the entries.
 */
@Entity('safety_dictionary_state')
export class SafetyDictionaryStateEntity {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int', default: 0 })
  version: number;

  /** What a link to a domain outside the allow-list is (非法外链): 禁止 unless the admin lowers it. */
  @Column({ type: 'varchar', length: 8, default: 'block' })
  unlistedLinkLevel: HitLevel;

  /** Whether the defaults of config/dictionaries were loaded once; an admin may empty a list afterwards. */
  @Column({ type: 'boolean', default: false })
  seeded: boolean;

  @UpdatedAtColumn()
  updatedAt: Date;
}

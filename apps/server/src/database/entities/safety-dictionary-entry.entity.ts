import { type DictionaryKind, type HitLevel } from '@sunlight/contracts';
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../columns';

/**
 * One entry of the content-safety dictionaries (敏感词 / 表述错误 / 外链白名单). Unique per kind and
 * `termKey`, the hash of the entry as it is matched (NFKC, lower case): ＡＢＣ and abc are one entry, and
 * both engines agree whatever their collation (MySQL's unicode_ci would also merge é and e).
 */
@Entity('safety_dictionary_entries')
@Unique('uq_safety_entries_kind_key', ['kind', 'termKey'])
export class SafetyDictionaryEntryEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 16 })
  kind: DictionaryKind;

  /** The word, the wrong form, or the domain, as the admin wrote it. */
  @Column({ type: 'varchar', length: 255 })
  text: string;

  @Column({ type: 'varchar', length: 64 })
  termKey: string;

  /** Null for domains (the level of an unlisted link is a setting of the whole list). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  level: HitLevel | null;

  @Column({ type: 'varchar', length: 32 })
  category: string;

  /** The right form of a wording error. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  suggestion: string | null;

  /** Username of who added it; null for the defaults seeded from config/dictionaries. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  createdBy: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DictionaryKind, type HitLevel } from '@sunlight/contracts';
import { DataSource, type EntityManager, In } from 'typeorm';
import { SafetyDictionaryEntryEntity, SafetyDictionaryStateEntity } from '../../database/entities';
import { type DictionarySnapshot } from './compiled-dictionary';

export type EntryFields = Pick<
  SafetyDictionaryEntryEntity,
  'kind' | 'text' | 'termKey' | 'level' | 'category' | 'suggestion'
>;
export type EntryChanges = Partial<
  Pick<EntryFields, 'text' | 'termKey' | 'level' | 'category' | 'suggestion'>
>;

export interface EntryPageQuery {
  kind: DictionaryKind;
  q?: string;
  level?: HitLevel;
  page: number;
  pageSize: number;
}

const STATE_ID = 1;
// Rows per INSERT and keys per IN (…): well inside SQLite's and MySQL's limits on bound parameters.
const CHUNK = 500;

/**
 * The dictionaries and their version row. Every change to the entries raises the version in the same
 * transaction, which is how every process (api or worker) learns that its compiled automaton is stale.
 */
@Injectable()
export class SafetyRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private entries(em: EntityManager = this.ds.manager) {
    return em.getRepository(SafetyDictionaryEntryEntity);
  }

  private states(em: EntityManager = this.ds.manager) {
    return em.getRepository(SafetyDictionaryStateEntity);
  }

  state(): Promise<SafetyDictionaryStateEntity> {
    return this.states().findOneByOrFail({ id: STATE_ID });
  }

  /** The cheap question asked every few seconds: has anything changed? */
  async version(): Promise<number> {
    const row = await this.states()
      .createQueryBuilder('s')
      .select('s.version', 'version')
      .where('s.id = :id', { id: STATE_ID })
      .getRawOne<{ version: number | string }>();
    return Number(row?.version ?? 0);
  }

  /** All entries and the version they belong to, read in one transaction so the two agree. */
  snapshot(): Promise<DictionarySnapshot> {
    return this.ds.transaction(async (em) => {
      const state = await this.states(em).findOneByOrFail({ id: STATE_ID });
      const entries = await this.entries(em).find({
        select: { kind: true, text: true, level: true, category: true, suggestion: true },
        order: { id: 'ASC' },
      });
      return { version: state.version, unlistedLinkLevel: state.unlistedLinkLevel, entries };
    });
  }

  async page(q: EntryPageQuery): Promise<[SafetyDictionaryEntryEntity[], number]> {
    const qb = this.entries().createQueryBuilder('e').where('e.kind = :kind', { kind: q.kind });
    if (q.level) qb.andWhere('e.level = :level', { level: q.level });
    if (q.q)
      qb.andWhere(
        `(e.text LIKE :q ESCAPE '!' OR e.suggestion LIKE :q ESCAPE '!' OR e.category LIKE :q ESCAPE '!')`,
        {
          q: `%${escapeLike(q.q)}%`,
        },
      );
    return qb
      .orderBy('e.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
  }

  /** Every entry of a kind in the order it was added, for export. */
  allOf(kind: DictionaryKind): Promise<SafetyDictionaryEntryEntity[]> {
    return this.entries().find({ where: { kind }, order: { id: 'ASC' } });
  }

  findById(id: number): Promise<SafetyDictionaryEntryEntity | null> {
    return this.entries().findOneBy({ id });
  }

  async findByKey(kind: DictionaryKind, termKey: string): Promise<SafetyDictionaryEntryEntity | null> {
    return this.entries().findOneBy({ kind, termKey });
  }

  /** The stored entries among the given keys, by key. */
  async findByKeys(
    kind: DictionaryKind,
    keys: readonly string[],
  ): Promise<Map<string, SafetyDictionaryEntryEntity>> {
    const found = new Map<string, SafetyDictionaryEntryEntity>();
    for (let i = 0; i < keys.length; i += CHUNK)
      for (const e of await this.entries().findBy({ kind, termKey: In(keys.slice(i, i + CHUNK)) }))
        found.set(e.termKey, e);
    return found;
  }

  async countByKind(): Promise<Record<DictionaryKind, number>> {
    const rows = await this.entries()
      .createQueryBuilder('e')
      .select('e.kind', 'kind')
      .addSelect('COUNT(*)', 'n')
      .groupBy('e.kind')
      .getRawMany<{ kind: DictionaryKind; n: number | string }>();
    const counts: Record<DictionaryKind, number> = { sensitive: 0, wording: 0, domain: 0 };
    for (const r of rows) counts[r.kind] = Number(r.n);
    return counts;
  }

  create(fields: EntryFields, createdBy: string): Promise<number> {
    return this.changing(
      async (em) => (await this.entries(em).save(this.entries(em).create({ ...fields, createdBy }))).id,
    );
  }

  update(id: number, changes: EntryChanges): Promise<void> {
    return this.changing(async (em) => {
      await this.entries(em).update(id, changes);
    });
  }

  delete(id: number): Promise<void> {
    return this.changing(async (em) => {
      await this.entries(em).delete(id);
    });
  }

  /** An import: all its additions and updates, or none of them. */
  applyImport(
    added: readonly EntryFields[],
    updated: ReadonlyArray<{ id: number; changes: EntryChanges }>,
    createdBy: string,
  ): Promise<void> {
    return this.changing(async (em) => {
      await this.insertMany(em, added, createdBy);
      for (const u of updated) await this.entries(em).update(u.id, u.changes);
    });
  }

  setUnlistedLinkLevel(level: HitLevel): Promise<void> {
    return this.changing(async (em) => {
      await this.states(em).update(STATE_ID, { unlistedLinkLevel: level });
    });
  }

  /**
   * Loads the defaults once per installation. Claiming the `seeded` flag with a conditional update makes
   * two api processes starting together seed once: the second waits for the first's row lock, then finds
   * the flag taken.
   */
  seedOnce(entries: readonly EntryFields[]): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      const claimed = await this.states(em)
        .createQueryBuilder()
        .update()
        .set({ seeded: true, version: () => 'version + 1' })
        .where('id = :id AND seeded = :no', { id: STATE_ID, no: false })
        .execute();
      if (!claimed.affected) return false;
      await this.insertMany(em, entries, null);
      return true;
    });
  }

  /** Runs a change and raises the version in the same transaction; answers the change's own result. */
  private changing<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(async (em) => {
      const result = await work(em);
      await this.states(em)
        .createQueryBuilder()
        .update()
        .set({ version: () => 'version + 1' })
        .where('id = :id', { id: STATE_ID })
        .execute();
      return result;
    });
  }

  private async insertMany(
    em: EntityManager,
    rows: readonly EntryFields[],
    createdBy: string | null,
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK)
      await this.entries(em).insert(rows.slice(i, i + CHUNK).map((r) => ({ ...r, createdBy })));
  }
}

/**
 * LIKE treats % and _ as wildcards; an admin searching for "100%" means the character. `!` escapes them on
 * both engines (SQLite has no default escape character, and backslashes read differently in the two).
 */
function escapeLike(s: string): string {
  return s.replace(/[!%_]/g, (c) => `!${c}`);
}

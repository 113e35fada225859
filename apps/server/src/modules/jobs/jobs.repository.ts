import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, LessThan } from 'typeorm';
import { engineOf } from '../../database/data-source';
import { JobEntity, WorkerEntity } from '../../database/entities';
import { retryOnDeadlock } from '../../database/deadlock-retry';
import { toDbInstant } from '../../database/instant';

export interface NewJob {
  name: string;
  payload?: unknown;
  runAt?: Date;
  dedupeKey?: string;
  maxAttempts?: number;
}

const DUE = `((j.status = 'queued' AND j.run_at <= :now) OR (j.status = 'running' AND j.lease_expires_at < :now))`;

/** Due jobs, and those leased to workers known to be dead (their leases need not run out first). */
function dueOrOrphaned(deadOwners: readonly string[]): string {
  if (deadOwners.length === 0) return DUE.replaceAll(':now', '?');
  const owners = deadOwners.map(() => '?').join(', ');
  return `(${DUE.replaceAll(':now', '?')} OR (j.status = 'running' AND j.lease_owner IN (${owners})))`;
}

@Injectable()
export class JobsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Enqueues jobs; a job whose dedupe key is already queued or running is left as it is. A finished job
   * gives its key back (complete, release), so the same work can be enqueued again later (the next poll).
   * Pass the job's transaction as `em` to enqueue follow-up work that commits with the job's effects.
   */
  async enqueue(jobs: NewJob[], now: Date, em: EntityManager = this.ds.manager): Promise<void> {
    if (jobs.length === 0) return;
    const rows = jobs.map((j) => ({
      name: j.name,
      payload: JSON.stringify(j.payload ?? {}),
      runAt: j.runAt ?? now,
      dedupeKey: j.dedupeKey ?? null,
      maxAttempts: j.maxAttempts ?? 5,
      status: 'queued' as const,
    }));
    const insert = () =>
      em.createQueryBuilder().insert().into(JobEntity).values(rows).orIgnore().updateEntity(false).execute();
    // Workers ticking at once insert the same dedupe keys: InnoDB may pick one as a deadlock victim. On its
    // own the statement is simply run again; inside a caller's transaction the whole transaction is (complete).
    if (em === this.ds.manager) await retryOnDeadlock(insert);
    else await insert();
  }

  /**
   * Leases up to `limit` due jobs (queued and due, or running with an expired lease, or running for one of
   * `deadOwners`) to `owner`.
   * MySQL: FOR UPDATE SKIP LOCKED so concurrent workers take disjoint rows without waiting.
   * SQLite: one UPDATE … RETURNING, atomic under its single writer.
   */
  async claim(
    owner: string,
    limit: number,
    now: Date,
    leaseMs: number,
    deadOwners: readonly string[] = [],
  ): Promise<JobEntity[]> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const due = dueOrOrphaned(deadOwners);
    if (engineOf(this.ds) === 'sqlite') {
      const rows = await this.ds.query<Array<{ id: number }>>(
        `UPDATE jobs SET status = 'running', lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1, updated_at = ?
         WHERE id IN (SELECT id FROM jobs j WHERE ${due} ORDER BY j.run_at, j.id LIMIT ?)
         RETURNING id`,
        [
          owner,
          toDbInstant(this.ds, leaseUntil),
          toDbInstant(this.ds, now),
          toDbInstant(this.ds, now),
          toDbInstant(this.ds, now),
          ...deadOwners,
          limit,
        ],
      );
      return this.byIds(rows.map((r) => r.id));
    }
    const ids = await retryOnDeadlock(() =>
      this.ds.transaction('READ COMMITTED', async (em) => {
        const rows = await em.query<Array<{ id: number }>>(
          `SELECT j.id FROM jobs j WHERE ${due} ORDER BY j.run_at, j.id LIMIT ? FOR UPDATE SKIP LOCKED`,
          [now, now, ...deadOwners, limit],
        );
        const found = rows.map((r) => Number(r.id));
        if (found.length) {
          await em.query(
            `UPDATE jobs SET status = 'running', lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1, updated_at = ? WHERE id IN (?)`,
            [owner, leaseUntil, now, found],
          );
        }
        return found;
      }),
    );
    return this.byIds(ids);
  }

  private async byIds(ids: number[]): Promise<JobEntity[]> {
    if (ids.length === 0) return [];
    const rows = await this.ds
      .getRepository(JobEntity)
      .createQueryBuilder('j')
      .where('j.id IN (:...ids)', { ids })
      .orderBy('j.run_at')
      .getMany();
    return rows;
  }

  /**
   * Marks the job done and applies its effects in one transaction, fenced by the lease: if another
   * worker took the job over meanwhile, nothing is written and false is returned.
   * MySQL: READ COMMITTED, as the claim. Under REPEATABLE READ every completion also locks the gaps around
   * the index entries it moves (status, dedupe key), and jobs due together sit side by side in those
   * indexes: concurrent completions then deadlock each other by the thousand under load. Effects that need
   * a row to stay put lock it themselves.
   */
  complete(
    job: JobEntity,
    owner: string,
    now: Date,
    effects: (tx: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    const inTransaction = (work: (tx: EntityManager) => Promise<boolean>) =>
      engineOf(this.ds) === 'mysql' ? this.ds.transaction('READ COMMITTED', work) : this.ds.transaction(work);
    return retryOnDeadlock(() =>
      inTransaction(async (tx) => {
        const res = await tx
          .createQueryBuilder()
          .update(JobEntity)
          .set({ status: 'done', finishedAt: now, leaseOwner: null, leaseExpiresAt: null, dedupeKey: null })
          // Only a running job has an owner. Naming the status as well lets MariaDB intersect the primary
          // key with idx_jobs_due, and then every completion locks every running job's index entry.
          .where('id = :id AND lease_owner = :owner', { id: job.id, owner })
          .execute();
        if (res.affected !== 1) return false;
        await effects(tx);
        return true;
      }),
    );
  }

  /** Gives the job back for a later attempt, or fails it for good; fenced like complete(). */
  async release(
    job: JobEntity,
    owner: string,
    error: string,
    retryAt: Date | null,
    now: Date,
  ): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .update(JobEntity)
      .set(
        retryAt
          ? { status: 'queued', runAt: retryAt, leaseOwner: null, leaseExpiresAt: null, lastError: error }
          : {
              status: 'failed',
              finishedAt: now,
              leaseOwner: null,
              leaseExpiresAt: null,
              lastError: error,
              dedupeKey: null,
            },
      )
      .where('id = :id AND lease_owner = :owner', { id: job.id, owner })
      .execute();
  }

  /** Whether a job with this dedupe key is waiting or running (keys are given back when a job ends). */
  async hasPending(dedupeKey: string, em: EntityManager = this.ds.manager): Promise<boolean> {
    return (await em.getRepository(JobEntity).countBy({ dedupeKey })) > 0;
  }

  /** Forgets jobs that ended before the given instants: the table is a queue, not an archive. */
  async purgeFinished(doneBefore: Date, failedBefore: Date): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .delete()
      .from(JobEntity)
      .where(`(status = 'done' AND finished_at < :done) OR (status = 'failed' AND finished_at < :failed)`, {
        done: toDbInstant(this.ds, doneBefore),
        failed: toDbInstant(this.ds, failedBefore),
      })
      .execute();
  }

  async heartbeat(w: Omit<WorkerEntity, 'lastSeenAt'>, now: Date): Promise<void> {
    await this.ds.getRepository(WorkerEntity).save({ ...w, lastSeenAt: now });
  }

  /**
   * Workers that reported at least once and have been silent since `at`: dead (a killed process stops
   * reporting at once; a live one reports every few seconds whatever it is doing).
   */
  async workersSilentSince(at: Date): Promise<string[]> {
    const rows = await this.ds
      .getRepository(WorkerEntity)
      .createQueryBuilder('w')
      .select('w.id', 'id')
      .where('w.last_seen_at < :at', { at: toDbInstant(this.ds, at) })
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  async forgetWorkersSilentSince(at: Date): Promise<void> {
    await this.ds.getRepository(WorkerEntity).delete({ lastSeenAt: LessThan(at) });
  }

  async countWorkersSeenSince(at: Date): Promise<number> {
    return this.ds
      .getRepository(WorkerEntity)
      .createQueryBuilder('w')
      .where('w.last_seen_at >= :at', { at: toDbInstant(this.ds, at) })
      .getCount();
  }

  /** The run-at of the oldest job that is due and not yet finished. */
  async oldestDue(now: Date): Promise<Date | null> {
    const row = await this.ds
      .getRepository(JobEntity)
      .createQueryBuilder('j')
      .select('MIN(j.run_at)', 'oldest')
      .where(`j.status IN ('queued', 'running') AND j.run_at <= :now`, { now: toDbInstant(this.ds, now) })
      .getRawOne<{ oldest: string | Date | null }>();
    return row?.oldest ? fromDbInstant(row.oldest) : null;
  }
}

function fromDbInstant(v: string | Date): Date {
  return v instanceof Date ? v : new Date(`${v.replace(' ', 'T')}Z`);
}

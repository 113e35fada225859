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
   * Leases up to `limit` due jobs (queued and due, or running with an expired lease) to `owner`.
   * MySQL: FOR UPDATE SKIP LOCKED so concurrent workers take disjoint rows without waiting.
   * SQLite: one UPDATE … RETURNING, atomic under its single writer.
   */
  async claim(owner: string, limit: number, now: Date, leaseMs: number): Promise<JobEntity[]> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    if (engineOf(this.ds) === 'sqlite') {
      const rows = await this.ds.query<Array<{ id: number }>>(
        `UPDATE jobs SET status = 'running', lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1, updated_at = ?
         WHERE id IN (SELECT id FROM jobs j WHERE ${DUE.replaceAll(':now', '?')} ORDER BY j.run_at, j.id LIMIT ?)
         RETURNING id`,
        [
          owner,
          toDbInstant(this.ds, leaseUntil),
          toDbInstant(this.ds, now),
          toDbInstant(this.ds, now),
          toDbInstant(this.ds, now),
          limit,
        ],
      );
      return this.byIds(rows.map((r) => r.id));
    }
    const ids = await retryOnDeadlock(() =>
      this.ds.transaction('READ COMMITTED', async (em) => {
        const due = await em.query<Array<{ id: number }>>(
          `SELECT j.id FROM jobs j WHERE ${DUE.replaceAll(':now', '?')} ORDER BY j.run_at, j.id LIMIT ? FOR UPDATE SKIP LOCKED`,
          [now, now, limit],
        );
        const found = due.map((r) => Number(r.id));
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
   */
  complete(
    job: JobEntity,
    owner: string,
    now: Date,
    effects: (tx: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    return retryOnDeadlock(() =>
      this.ds.transaction(async (tx) => {
        const res = await tx
          .createQueryBuilder()
          .update(JobEntity)
          .set({ status: 'done', finishedAt: now, leaseOwner: null, leaseExpiresAt: null, dedupeKey: null })
          .where('id = :id AND lease_owner = :owner AND status = :running', {
            id: job.id,
            owner,
            running: 'running',
          })
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

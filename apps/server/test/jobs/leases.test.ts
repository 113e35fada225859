import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JobEntity, WorkerEntity } from '../../src/database/entities';
import { JobHandlers } from '../../src/modules/jobs/job-handlers';
import { JobRunner, WORKER_DEAD_AFTER_MS } from '../../src/modules/jobs/job-runner';
import { JobsRepository } from '../../src/modules/jobs/jobs.repository';
import { migratedDataSource, testEngines } from '../support/engines';
import { TestClock } from '../support/test-clock';

describe.each(testEngines())('job leases on %s', (engine) => {
  let ctx: Awaited<ReturnType<typeof migratedDataSource>>;
  let repo: JobsRepository;
  let clock: TestClock;
  const runs: number[] = [];

  function runner(handlers = new JobHandlers()): JobRunner {
    return new JobRunner(repo, handlers, clock);
  }
  function recording(): JobHandlers {
    const h = new JobHandlers();
    h.register('probe', { run: (job) => Promise.resolve(void runs.push(job.id)) });
    return h;
  }

  beforeAll(async () => {
    ctx = await migratedDataSource(engine);
    repo = new JobsRepository(ctx.ds);
  });
  afterAll(() => ctx?.close());
  beforeEach(async () => {
    await ctx.ds.getRepository(JobEntity).clear();
    await ctx.ds.getRepository(WorkerEntity).clear();
    runs.length = 0;
    clock = new TestClock();
  });

  it('runs each due job once even with two runners draining at the same time', async () => {
    await repo.enqueue(
      Array.from({ length: 300 }, (_, i) => ({ name: 'probe', payload: { i } })),
      clock.now(),
    );
    const a = runner(recording());
    const b = runner(recording());
    const [ra, rb] = await Promise.all([a.drain(), b.drain()]);
    expect(ra + rb).toBe(300);
    expect(new Set(runs).size).toBe(300);
    expect(runs).toHaveLength(300);
    expect(await ctx.ds.getRepository(JobEntity).countBy({ status: 'done' })).toBe(300);
  });

  it('leaves jobs that are not yet due', async () => {
    await repo.enqueue([{ name: 'probe', runAt: new Date(clock.now().getTime() + 60_000) }], clock.now());
    expect(await runner(recording()).drain()).toBe(0);
    clock.advance(61_000);
    expect(await runner(recording()).drain()).toBe(1);
  });

  it('enqueues a dedupe key only once', async () => {
    await repo.enqueue([{ name: 'probe', dedupeKey: 'poll:account:7' }], clock.now());
    await repo.enqueue(
      [
        { name: 'probe', dedupeKey: 'poll:account:7' },
        { name: 'probe', dedupeKey: 'poll:account:8' },
      ],
      clock.now(),
    );
    expect(await ctx.ds.getRepository(JobEntity).count()).toBe(2);
  });

  it('gives a dedupe key back when its job ends, so the same work can be queued again', async () => {
    const h = new JobHandlers();
    h.register('poll', { run: () => Promise.resolve() });
    h.register('broken', { run: () => Promise.reject(new Error('no')) });
    await repo.enqueue(
      [
        { name: 'poll', dedupeKey: 'poll:1' },
        { name: 'broken', dedupeKey: 'broken:1', maxAttempts: 1 },
      ],
      clock.now(),
    );
    expect(await repo.hasPending('poll:1')).toBe(true);
    await runner(h).drain();
    expect(await repo.hasPending('poll:1')).toBe(false);
    expect(await repo.hasPending('broken:1')).toBe(false);
    await repo.enqueue([{ name: 'poll', dedupeKey: 'poll:1' }], clock.now());
    expect(await ctx.ds.getRepository(JobEntity).countBy({ status: 'queued' })).toBe(1);
  });

  it('prepares outside the transaction and hands the result to run; follow-up jobs commit with it', async () => {
    const h = new JobHandlers();
    const seen: string[] = [];
    h.register<string>('two-phase', {
      prepare: (job) => Promise.resolve(`prepared ${job.id}`),
      run: async (job, tx, prepared) => {
        seen.push(prepared);
        // The key of the running job is free inside its own completion: the next page takes it.
        await repo.enqueue([{ name: 'next', dedupeKey: 'chain:1' }], clock.now(), tx);
        if (job.attempts === 1) throw new Error('fails after enqueueing');
      },
    });
    h.register('next', { run: () => Promise.resolve(void seen.push('next')) });
    await repo.enqueue([{ name: 'two-phase', dedupeKey: 'chain:1' }], clock.now());
    const r = runner(h);
    await r.drain();
    // The failed attempt's follow-up was rolled back with it.
    expect(seen).toHaveLength(1);
    expect(await ctx.ds.getRepository(JobEntity).countBy({ name: 'next' })).toBe(0);
    clock.advance(10_000);
    await r.drain();
    await r.drain();
    expect(seen).toEqual([seen[0], seen[0], 'next']);
    expect(seen[0]).toMatch(/^prepared \d+$/);
  });

  it('forgets finished jobs after their retention', async () => {
    await repo.enqueue([{ name: 'probe' }, { name: 'probe' }], clock.now());
    await runner(recording()).drain();
    await repo.purgeFinished(new Date(clock.now().getTime() - 1000), clock.now());
    expect(await ctx.ds.getRepository(JobEntity).count()).toBe(2);
    await repo.purgeFinished(new Date(clock.now().getTime() + 1000), clock.now());
    expect(await ctx.ds.getRepository(JobEntity).count()).toBe(0);
  });

  it('takes over the job of a worker whose lease expired, and fences the late completion', async () => {
    await repo.enqueue([{ name: 'probe' }], clock.now());
    const [job] = await repo.claim('dead-worker', 10, clock.now(), 5_000);
    expect(job).toBeDefined();
    expect(await repo.claim('other', 10, clock.now(), 5_000)).toEqual([]);
    clock.advance(6_000);
    const [taken] = await repo.claim('other', 10, clock.now(), 5_000);
    expect(taken?.id).toBe(job!.id);
    expect(taken?.attempts).toBe(2);
    let lateEffect = false;
    expect(
      await repo.complete(job!, 'dead-worker', clock.now(), () => Promise.resolve(void (lateEffect = true))),
    ).toBe(false);
    expect(lateEffect).toBe(false);
    expect(await repo.complete(taken!, 'other', clock.now(), () => Promise.resolve())).toBe(true);
  });

  it('takes over the jobs of a worker that stopped reporting before their leases run out', async () => {
    await repo.enqueue([{ name: 'probe' }, { name: 'probe' }], clock.now());
    const killed = runner();
    const live = runner();
    const started = clock.now();
    for (const r of [killed, live])
      await repo.heartbeat({ id: r.workerId, host: 'h', pid: 1, startedAt: started }, started);
    const [a] = await repo.claim(killed.workerId, 1, clock.now(), 60_000);
    const [b] = await repo.claim(live.workerId, 1, clock.now(), 60_000);
    // The live one keeps reporting; the killed one is silent. Both leases have most of a minute left.
    clock.advance(WORKER_DEAD_AFTER_MS - 1_000);
    await repo.heartbeat({ id: live.workerId, host: 'h', pid: 1, startedAt: started }, clock.now());
    const taker = runner(recording());
    expect(await taker.drain()).toBe(0);
    clock.advance(2_000);
    await repo.heartbeat({ id: live.workerId, host: 'h', pid: 1, startedAt: started }, clock.now());
    expect(await taker.drain()).toBe(1);
    expect(runs).toEqual([a!.id]);
    expect(await ctx.ds.getRepository(JobEntity).findOneByOrFail({ id: b!.id })).toMatchObject({
      status: 'running',
      leaseOwner: live.workerId,
    });
  });

  it('rolls back the effects of a failed job and retries it later, then gives up', async () => {
    const h = new JobHandlers();
    let calls = 0;
    h.register('flaky', {
      run: async (job, tx) => {
        calls++;
        await tx.query(`UPDATE jobs SET last_error = 'written inside' WHERE id = ?`, [job.id]);
        throw new Error('channel said no');
      },
    });
    await repo.enqueue([{ name: 'flaky', maxAttempts: 2 }], clock.now());
    const r = runner(h);
    await r.drain();
    let row = (await ctx.ds.getRepository(JobEntity).find())[0]!;
    expect(row.status).toBe('queued');
    expect(row.lastError).toBe('channel said no');
    expect(row.runAt.getTime()).toBeGreaterThan(clock.now().getTime());
    clock.advance(10_000);
    await r.drain();
    row = (await ctx.ds.getRepository(JobEntity).find())[0]!;
    expect(row.status).toBe('failed');
    expect(calls).toBe(2);
  });

  it('reports how late the oldest due job is, and which workers are alive', async () => {
    await repo.enqueue([{ name: 'probe', runAt: new Date(clock.now().getTime() - 90_000) }], clock.now());
    const oldest = await repo.oldestDue(clock.now());
    expect(Math.round((clock.now().getTime() - oldest!.getTime()) / 1000)).toBe(90);
    const r = runner(recording());
    await r.heartbeat();
    expect(await repo.countWorkersSeenSince(new Date(clock.now().getTime() - 30_000))).toBe(1);
    clock.advance(31_000);
    expect(await repo.countWorkersSeenSince(new Date(clock.now().getTime() - 30_000))).toBe(0);
  });
});

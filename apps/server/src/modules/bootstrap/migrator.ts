import { Logger } from '@nestjs/common';
import { type DataSource } from 'typeorm';
import { engineOf } from '../../database/data-source';

const LOCK = 'sunlight_migrations';

/**
 * Brings the schema up to date. Several api processes may start at once on MySQL, so the run is
 * serialised by a named lock; SQLite has a single writer and needs none.
 */
export async function migrate(ds: DataSource): Promise<void> {
  const logger = new Logger('Migrations');
  if (engineOf(ds) === 'sqlite') {
    await ds.runMigrations();
    return;
  }
  const qr = ds.createQueryRunner();
  try {
    const [{ got }] = (await qr.query('SELECT GET_LOCK(?, 120) AS got', [LOCK])) as [{ got: number }];
    if (Number(got) !== 1) throw new Error('Timed out waiting for another process to finish migrating');
    const done = await ds.runMigrations();
    if (done.length) logger.log(`applied ${done.map((m) => m.name).join(', ')}`);
  } finally {
    await qr.query('SELECT RELEASE_LOCK(?)', [LOCK]).catch(() => undefined);
    await qr.release();
  }
}

/** A worker-only process waits for an api process to migrate rather than racing it. */
export async function waitForMigrations(ds: DataSource, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (await ds.showMigrations().catch(() => true)) {
    if (Date.now() > deadline)
      throw new Error('The database schema is not up to date; start an api process first');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

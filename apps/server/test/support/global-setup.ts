import { createConnection } from 'mysql2/promise';
import { type TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** mysql://user@host:port of the MariaDB used for tests, or '' when there is none (local runs only). */
    mysqlServer: string;
  }
}

export const defaultMysqlServer = 'mysql://root@127.0.0.1:3306';

/** Every database test runs on both engines; CI must have MariaDB, a local run without it says so loudly. */
export default async function setup(project: TestProject): Promise<void> {
  const server = process.env.SUNLIGHT_TEST_MYSQL_URL ?? defaultMysqlServer;
  try {
    const conn = await createConnection({ uri: server, connectTimeout: 3000 });
    await conn.end();
    project.provide('mysqlServer', server);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    if (process.env.CI)
      throw new Error(`MariaDB is required in CI and is not reachable at ${server}: ${why}`);
    const bar = '!'.repeat(78);
    console.warn(
      `\n${bar}\n!! MariaDB is not reachable at ${server} (${why}).\n!! Database tests run on SQLite ONLY. Start it: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd\n${bar}\n`,
    );
    project.provide('mysqlServer', '');
  }
}

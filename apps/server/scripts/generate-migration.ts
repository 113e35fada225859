/**
 * Writes a migration for each engine from the difference between the entities and the schema that
 * the existing migrations build. Usage: pnpm --filter @sunlight/server migration:generate AddAccounts
 * Needs the MariaDB of the development machine (SUNLIGHT_TEST_MYSQL_URL, default root@127.0.0.1:3306).
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { type DatabaseConfig } from '../src/config/app-config';
import { createDataSource } from '../src/database/data-source';
import { pendingSchemaChanges } from '../src/database/schema-drift';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: migration:generate PascalCaseName');
  process.exit(2);
}
const mysqlServer = process.env.SUNLIGHT_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

async function diff(db: DatabaseConfig) {
  const ds = await createDataSource(db);
  try {
    await ds.runMigrations();
    return await pendingSchemaChanges(ds);
  } finally {
    await ds.destroy();
  }
}

function render(className: string, up: string[], down: string[]): string {
  const q = (s: string) => `    await queryRunner.query(${JSON.stringify(s)});`;
  return `import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${[...down].reverse().map(q).join('\n')}
  }
}
`;
}

function write(engine: 'sqlite' | 'mysql', up: string[], down: string[], stamp: number) {
  const dir = join(__dirname, '../src/database/migrations', engine);
  const className = `${name}${stamp}`;
  const file = `${stamp}-${name}.ts`;
  writeFileSync(join(dir, file), render(className, up, down));
  const modules = readdirSync(dir)
    .filter((f) => /^\d+-.*\.ts$/.test(f))
    .sort();
  const imports = modules.map((f) => {
    const cls = f.replace(/^(\d+)-(.*)\.ts$/, '$2$1');
    return { cls, line: `import { ${cls} } from './${f.replace(/\.ts$/, '')}';` };
  });
  const list = engine === 'sqlite' ? 'sqliteMigrations' : 'mysqlMigrations';
  writeFileSync(
    join(dir, 'index.ts'),
    `${imports.map((i) => i.line).join('\n')}\n\nexport const ${list} = [${imports.map((i) => i.cls).join(', ')}];\n`,
  );
  console.log(`${engine}: wrote ${file} (${up.length} statements)`);
}

async function main() {
  const stamp = Date.now();
  const sqlite = await diff({
    type: 'sqlite',
    path: join(mkdtempSync(join(tmpdir(), 'sunlight-mig-')), 'db.sqlite'),
    isNew: true,
  });
  const schema = `sunlight_mig_${stamp}`;
  const admin = await createConnection(mysqlServer);
  await admin.query(`CREATE DATABASE \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  try {
    const mysql = await diff({ type: 'mysql', url: `${mysqlServer}/${schema}`, database: schema });
    if (sqlite.up.length === 0 && mysql.up.length === 0) {
      console.log('The entities and both migration sets agree: nothing to generate.');
      return;
    }
    if (sqlite.up.length) write('sqlite', sqlite.up, sqlite.down, stamp);
    if (mysql.up.length) write('mysql', mysql.up, mysql.down, stamp);
  } finally {
    await admin.query(`DROP DATABASE \`${schema}\``);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

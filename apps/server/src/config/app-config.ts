import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { passwordProblemMessages, passwordProblems } from '@sunlight/contracts';
import { z } from 'zod';

export const serverRoles = ['all', 'api', 'worker'] as const;
export type ServerRole = (typeof serverRoles)[number];

export type DatabaseConfig =
  { type: 'sqlite'; path: string; isNew: boolean } | { type: 'mysql'; url: string; database: string };

export interface AppConfig {
  port: number;
  host: string;
  role: ServerRole;
  dataDir: string;
  database: DatabaseConfig;
  /** 32-byte key for channel secrets at rest. Secret: never logged. */
  secretKey: Buffer;
  adminPassword: string | undefined;
  demo: boolean;
  demoPassword: string | undefined;
  /** A JSON file of channel accounts (base URL and credentials) to connect the demo organisation to. */
  demoAccountsFile: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  cookieSecure: boolean;
  trustProxy: boolean;
  webDist: string | undefined;
  /** Requests per minute per client IP, for the API as a whole and for login. */
  rateLimit: { api: number; login: number };
  /** Seconds between two polls of one stream of an account, and between two metric reads of an account. */
  collection: { pollSeconds: number; metricsSeconds: number };
  dispatch: {
    /** A publication found due more than this many minutes late is held for a person (待确认), not sent. */
    maxLateMinutes: number;
    /**
     * How long after a WeChat send whose answer was lost its absence from the published list and the draft
     * box still proves nothing (the publish job may be running); only after it is the article sent again.
     */
    wechatPublishingWindowSeconds: number;
  };
}

export class ConfigError extends Error {}

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const operatorPassword = z
  .string()
  .optional()
  .superRefine((value, ctx) => {
    if (value === undefined) return;
    for (const p of passwordProblems(value, 'admin'))
      ctx.addIssue({ code: 'custom', message: passwordProblemMessages[p].en });
  });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  SUNLIGHT_ROLE: z.enum(serverRoles).default('all'),
  SUNLIGHT_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(
      /^(sqlite:.+|mysql:\/\/.+|mariadb:\/\/.+)$/,
      'use sqlite:/path/file.sqlite or mysql://user:pass@host:port/db',
    )
    .optional(),
  SUNLIGHT_SECRET_KEY: z
    .string()
    .regex(
      /^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/,
      'use 32 random bytes as 64 hex digits or base64 (openssl rand -hex 32)',
    )
    .optional(),
  SUNLIGHT_ADMIN_PASSWORD: operatorPassword,
  SUNLIGHT_DEMO: flag.optional(),
  SUNLIGHT_DEMO_PASSWORD: operatorPassword,
  SUNLIGHT_DEMO_ACCOUNTS: z
    .string()
    .refine((p) => existsSync(p), 'no such file: give the path of the demo accounts manifest')
    .optional(),
  SUNLIGHT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SUNLIGHT_COOKIE_SECURE: flag.default(false),
  SUNLIGHT_TRUST_PROXY: flag.default(false),
  SUNLIGHT_WEB_DIST: z.string().optional(),
  SUNLIGHT_RATE_LIMIT_API: z.coerce.number().int().positive().default(600),
  SUNLIGHT_RATE_LIMIT_LOGIN: z.coerce.number().int().positive().default(30),
  SUNLIGHT_COLLECT_INTERVAL: z.coerce.number().int().min(10).max(86_400).default(60),
  SUNLIGHT_METRICS_INTERVAL: z.coerce.number().int().min(60).max(86_400).default(1800),
  SUNLIGHT_DISPATCH_MAX_LATE_MINUTES: z.coerce.number().int().min(1).max(10_080).default(120),
  SUNLIGHT_WECHAT_PUBLISHING_WINDOW: z.coerce.number().int().min(1).max(86_400).default(900),
});

/** Reads and checks the environment once; nothing else in the server reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(emptyToUndefined(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.SUNLIGHT_DATA_DIR);
  const database = databaseConfig(e.DATABASE_URL, dataDir);
  if (database.type === 'sqlite') mkdirSync(dataDir, { recursive: true });
  return {
    port: e.PORT,
    host: e.HOST,
    role: e.SUNLIGHT_ROLE,
    dataDir,
    database,
    secretKey: secretKey(e.SUNLIGHT_SECRET_KEY, database, dataDir),
    adminPassword: e.SUNLIGHT_ADMIN_PASSWORD,
    demo: e.SUNLIGHT_DEMO ?? (database.type === 'sqlite' && database.isNew),
    demoPassword: e.SUNLIGHT_DEMO_PASSWORD,
    demoAccountsFile: e.SUNLIGHT_DEMO_ACCOUNTS && resolve(e.SUNLIGHT_DEMO_ACCOUNTS),
    logLevel: e.SUNLIGHT_LOG_LEVEL,
    cookieSecure: e.SUNLIGHT_COOKIE_SECURE,
    trustProxy: e.SUNLIGHT_TRUST_PROXY,
    webDist: e.SUNLIGHT_WEB_DIST ?? defaultWebDist(),
    rateLimit: { api: e.SUNLIGHT_RATE_LIMIT_API, login: e.SUNLIGHT_RATE_LIMIT_LOGIN },
    collection: { pollSeconds: e.SUNLIGHT_COLLECT_INTERVAL, metricsSeconds: e.SUNLIGHT_METRICS_INTERVAL },
    dispatch: {
      maxLateMinutes: e.SUNLIGHT_DISPATCH_MAX_LATE_MINUTES,
      wechatPublishingWindowSeconds: e.SUNLIGHT_WECHAT_PUBLISHING_WINDOW,
    },
  };
}

function emptyToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
}

function databaseConfig(url: string | undefined, dataDir: string): DatabaseConfig {
  if (url === undefined || url.startsWith('sqlite:')) {
    const path = url ? resolve(url.slice('sqlite:'.length)) : join(dataDir, 'sunlight.sqlite');
    return { type: 'sqlite', path, isNew: !existsSync(path) };
  }
  const database = new URL(url).pathname.replace(/^\//, '');
  if (!database)
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_URL: name the database, e.g. mysql://root@127.0.0.1:3306/sunlight',
    );
  return { type: 'mysql', url: url.replace(/^mariadb:/, 'mysql:'), database };
}

/** The embedded default keeps a generated key beside its database; a server database needs it from the operator. */
function secretKey(value: string | undefined, database: DatabaseConfig, dataDir: string): Buffer {
  if (value) return Buffer.from(value, value.length === 64 ? 'hex' : 'base64');
  if (database.type === 'mysql') {
    throw new ConfigError(
      'Invalid configuration:\n  SUNLIGHT_SECRET_KEY: required with MySQL/MariaDB (openssl rand -hex 32)',
    );
  }
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

function defaultWebDist(): string | undefined {
  const dist = resolve(__dirname, '../../../web/dist');
  return existsSync(join(dist, 'index.html')) ? dist : undefined;
}

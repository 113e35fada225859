// Everything one running sandbox shares between its routers: storage, clock, seed, repositories.
import fs from 'node:fs';
import path from 'node:path';
import { Accounts } from './accounts';
import { Clock } from './clock';
import { Counters } from './counters';
import { getMeta, openDb, setMeta, type Db } from './db';
import { WeiboIds } from './ids';
import { Ledger } from './ledger';
import { RequestLog } from './request-log';
import { Timers } from './timers';
import { Tokens } from './tokens';
import { FaultStore } from '../faults/fault-rules';

export interface SandboxContext {
  db: Db;
  dataDir: string;
  mediaDir: string;
  seed: string;
  clock: Clock;
  accounts: Accounts;
  tokens: Tokens;
  counters: Counters;
  ledger: Ledger;
  weiboIds: WeiboIds;
  faults: FaultStore;
  timers: Timers;
  requestLog: RequestLog;
  /** Base URL that links handed out by the sandbox (article URLs, image URLs) start with; set at listen. */
  publicBase: string;
  setClockOffset: (ms: number) => void;
}

export function createContext(dataDir: string, seedOption: string | undefined): SandboxContext {
  const db = openDb(dataDir);
  // The seed is fixed the first time a data dir is used, so a restart without --seed behaves the same.
  const storedSeed = getMeta(db, 'seed');
  const seed = seedOption ?? storedSeed ?? 'sunlight';
  if (storedSeed !== seed) setMeta(db, 'seed', seed);
  const clock = new Clock(Number(getMeta(db, 'clock_offset_ms') ?? 0));
  const mediaDir = path.join(dataDir, 'media');
  fs.mkdirSync(mediaDir, { recursive: true });
  const ctx: SandboxContext = {
    db,
    dataDir,
    mediaDir,
    seed,
    clock,
    accounts: new Accounts(db),
    tokens: new Tokens(db, clock),
    counters: new Counters(db),
    ledger: new Ledger(db, clock),
    weiboIds: new WeiboIds(db),
    faults: new FaultStore(db, seed),
    timers: new Timers(),
    requestLog: new RequestLog(clock),
    publicBase: 'http://127.0.0.1',
    setClockOffset: (ms) => {
      clock.setOffset(ms);
      setMeta(db, 'clock_offset_ms', String(ms));
    },
  };
  return ctx;
}

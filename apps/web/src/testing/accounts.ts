import type { Account, HistoryImport } from '@sunlight/contracts';

/** An account as the API answers it, with the fields a test cares about overridden. */
export function account(overrides: Partial<Account>): Account {
  return {
    id: 1,
    departmentId: 1,
    departmentName: '示范市公安局',
    channel: 'weibo',
    name: '平安示范',
    baseUrl: 'https://api.weibo.com',
    settings: {},
    secretsSet: {},
    accessTokenSet: false,
    tokenExpiresAt: null,
    credentialStatus: 'valid',
    disabled: false,
    lastCollectedAt: null,
    lastError: null,
    lastErrorAt: null,
    consecutiveFailures: 0,
    backoffUntil: null,
    lastPublishedAt: null,
    daysSinceLastPublication: null,
    stale: false,
    columnCount: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A history import as GET /api/accounts/:id/import answers it: running, one page in. */
export function historyImport(overrides: Partial<HistoryImport>): HistoryImport {
  return {
    id: 1,
    accountId: 1,
    status: 'running',
    streamsTotal: 2,
    streamsDone: 0,
    pages: 1,
    publicationsRead: 20,
    interactionsRead: 0,
    stored: { original: 12, forward: 6, unclassified: 2, interactions: 0 },
    lastError: null,
    requestedBy: 'admin',
    startedAt: '2026-03-01T02:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}

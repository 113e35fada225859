import {
  figureCatalogue,
  figureCodes,
  type Department,
  type FigurePublicationRow,
  type FigureResult,
  type FigureRows,
  type FigureValues,
  type Session,
} from '@sunlight/contracts';
import { vi } from 'vitest';
import { account } from './accounts';
import { jsonResponse } from './mount-view';

/** A drill-down publication row as GET /api/figures/rows answers it, with the fields a test cares about overridden. */
export function publicationRow(overrides: Partial<FigurePublicationRow> = {}): FigurePublicationRow {
  return {
    id: 11,
    accountId: 3,
    accountName: '平安东城',
    departmentName: '东城分局',
    channel: 'weibo',
    columnName: null,
    kind: 'original',
    title: '冬季防火安全提示',
    excerpt: '冬季防火',
    url: 'https://weibo.example/11',
    publishedAt: '2025-01-02T01:30:00.000Z',
    reads: 1200,
    likes: 30,
    comments: 4,
    reposts: 9,
    pageViews: null,
    ...overrides,
  };
}

const departments: Department[] = [
  { id: 1, name: '示范市公安局', parentId: null, depth: 0, disabled: false, reviewLevels: 2 },
  { id: 2, name: '东城分局', parentId: 1, depth: 1, disabled: false, reviewLevels: 2 },
];

/** demo_leader's session: 领导 of the whole 示范市公安局. */
export const leaderSession: Session = {
  user: {
    id: 1,
    username: 'demo_leader',
    displayName: '领导',
    departmentId: 1,
    departmentName: '示范市公安局',
  },
  roles: [{ role: 'leader', departmentId: 1, departmentName: '示范市公安局' }],
  mustChangePassword: false,
  csrfToken: 'csrf',
  idleTimeoutSeconds: 1800,
  expiresAt: '2030-01-01T00:00:00Z',
  demo: false,
};

const names = {
  departments: { '1': '示范市公安局', '2': '东城分局' },
  accounts: {},
  columns: { '7': '警务动态' },
};

function result(totals: FigureValues, by: FigureResult['by'], rows: FigureResult['rows'] = []): FigureResult {
  return {
    department: { id: 1, name: '示范市公安局' },
    from: '2025-01-01',
    to: '2025-12-31',
    totals,
    by,
    rows,
    names,
  };
}

const originalRows: FigureRows = {
  kind: 'publications',
  total: 1299,
  page: 1,
  pageSize: 20,
  items: [publicationRow()],
};

/**
 * GET /api/figures, /figures/rows, /figures/catalogue, /accounts and /departments as the dashboard and the
 * 大屏 see them: every request recorded, each answered by what it asked for. `totals` answer the range,
 * `previous` the figures asked without a breakdown (the previous period's KPI totals).
 */
export function serveFigures({ totals, previous }: { totals: FigureValues; previous: FigureValues }) {
  const requests: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: string) => {
      const url = new URL(input, 'http://localhost');
      requests.push(url);
      const q = url.searchParams;
      if (url.pathname === '/api/departments') return Promise.resolve(jsonResponse(200, departments));
      if (url.pathname === '/api/accounts') {
        return Promise.resolve(
          jsonResponse(200, [account({ id: 5, name: '西城发布', lastError: '渠道返回 500' })]),
        );
      }
      if (url.pathname === '/api/figures/catalogue') {
        const figures = figureCodes.map((code) => ({
          ...figureCatalogue[code],
          unitLabel: '',
          breakdowns: [...figureCatalogue[code].breakdowns],
        }));
        return Promise.resolve(jsonResponse(200, { figures, dimensions: [] }));
      }
      if (url.pathname === '/api/figures/rows') {
        const rows: FigureRows =
          q.get('figure') === 'staleAccounts'
            ? { kind: 'accounts', total: 0, page: 1, pageSize: 100, items: [] }
            : originalRows;
        return Promise.resolve(jsonResponse(200, rows));
      }
      const by = q.get('by');
      if (by === 'department') {
        return Promise.resolve(
          jsonResponse(
            200,
            result(
              totals,
              ['department'],
              [
                { key: { department: 1 }, values: { published: 750 } },
                { key: { department: 2 }, values: { published: 5000 } },
              ],
            ),
          ),
        );
      }
      if (by === 'column') {
        return Promise.resolve(
          jsonResponse(
            200,
            result(
              {},
              ['column'],
              [
                {
                  key: { column: 7 },
                  values: { quotaPeriods: 8, quotaPeriodsMet: 7, columnQuotaRate: 0.875 },
                },
              ],
            ),
          ),
        );
      }
      return Promise.resolve(
        jsonResponse(200, result(by ? {} : previous, by ? (by.split(',') as FigureResult['by']) : [])),
      );
    }),
  );
  return requests;
}

/**
 * happy-dom has no 2D canvas; ECharts draws into this one, which accepts every drawing call and draws
 * nothing. What the charts show is checked on their option builders and in the e2e screenshots.
 */
export function silentCanvas() {
  const context: object = new Proxy(
    {},
    {
      get: (_target, prop) => (prop === 'canvas' ? document.createElement('canvas') : () => context),
      set: () => true,
    },
  );
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => context as never);
}

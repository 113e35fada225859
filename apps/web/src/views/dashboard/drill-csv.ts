import {
  channelLabels,
  publicationKindLabels,
  quotaOutcomeLabels,
  type FigureRows,
} from '@sunlight/contracts';
import type { CsvCell } from '@/utils/csv';
import { formatDateTime } from '@/utils/time';

export interface CsvTable {
  header: string[];
  rows: CsvCell[][];
}

type Label = (column: string) => string;

/** The drill-down's rows as a CSV table, the same columns the dialog shows plus the link and excerpt. */
export function drillCsv(page: FigureRows, label: Label): CsvTable {
  switch (page.kind) {
    case 'publications':
      return {
        header: [
          ...['title', 'account', 'department', 'channel', 'column', 'kind', 'publishedAt'],
          ...['reads', 'likes', 'comments', 'reposts', 'pageViews', 'link'],
        ].map(label),
        rows: page.items.map((p) => [
          p.title,
          p.accountName,
          p.departmentName,
          channelLabels[p.channel],
          p.columnName,
          publicationKindLabels[p.kind],
          formatDateTime(p.publishedAt),
          p.reads,
          p.likes,
          p.comments,
          p.reposts,
          p.pageViews,
          p.url,
        ]),
      };
    case 'columnPeriods':
      return {
        header: ['column', 'account', 'department', 'rule', 'period', 'done', 'outcome'].map(label),
        rows: page.items.map((p) => [
          p.columnName,
          p.accountName,
          p.departmentName,
          p.ruleText,
          `${p.start}~${p.end}`,
          p.done,
          quotaOutcomeLabels[p.outcome],
        ]),
      };
    case 'accounts':
      return {
        header: ['account', 'channel', 'department', 'lastPublished', 'daysSilent'].map(label),
        rows: page.items.map((a) => [
          a.name,
          channelLabels[a.channel],
          a.departmentName,
          formatDateTime(a.lastPublishedAt, ''),
          a.daysSilent,
        ]),
      };
  }
}

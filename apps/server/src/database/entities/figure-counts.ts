import { Column } from 'typeorm';

/**
 * The counted figures of one rollup row: publications that went live on one account (and column) in the
 * row's day or month, and the latest engagement totals of exactly those publications. Rates and the
 * portal-only figures are derived from these at query time, never stored.
 */
export abstract class FigureCounts {
  @Column({ type: 'int', default: 0 })
  published: number;

  @Column({ type: 'int', default: 0 })
  original: number;

  @Column({ type: 'int', default: 0 })
  forwarded: number;

  @Column({ type: 'int', default: 0 })
  unclassified: number;

  @Column({ type: 'int', default: 0 })
  reposts: number;

  @Column({ type: 'int', default: 0 })
  reads: number;

  @Column({ type: 'int', default: 0 })
  likes: number;

  @Column({ type: 'int', default: 0 })
  comments: number;

  @Column({ type: 'int', default: 0 })
  pageViews: number;
}

import {
  figureCatalogueResponseSchema,
  figureResultSchema,
  figureRowsSchema,
  type FigureCode,
  type FigureDimension,
  type FigureRowsQuery,
} from '@sunlight/contracts';
import { http } from './http';

/** GET /api/figures as the web asks it: lists as arrays, joined into the comma-separated query. */
export interface FiguresRequest {
  department?: number;
  from: string;
  to: string;
  figures: readonly FigureCode[];
  by?: readonly FigureDimension[];
}

export const figures = (request: FiguresRequest, signal?: AbortSignal) =>
  http.get('/figures', figureResultSchema, {
    query: {
      department: request.department,
      from: request.from,
      to: request.to,
      figures: request.figures.join(','),
      by: request.by?.join(','),
    },
    signal,
  });

export const figureCatalogue = () => http.get('/figures/catalogue', figureCatalogueResponseSchema);

/** 下钻: one page of the rows a number counts. */
export const figureRows = (query: FigureRowsQuery, signal?: AbortSignal) =>
  http.get('/figures/rows', figureRowsSchema, { query: { ...query }, signal });

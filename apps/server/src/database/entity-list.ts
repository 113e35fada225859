import * as exported from './entities';

/** Every entity class of entities/index.ts; adding an entity there registers it. */
export const entities: Array<new () => object> = Object.values<unknown>(exported).filter(
  (v): v is new () => object => typeof v === 'function',
);

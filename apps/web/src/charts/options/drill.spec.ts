import { describe, expect, it } from 'vitest';
import { drillOf } from './drill';

describe('drill of a clicked chart element', () => {
  it('is the drill its data item carries', () => {
    const drill = { figure: 'original', key: { month: '2025-01' } } as const;
    expect(drillOf({ componentType: 'series', data: { value: 3, drill } })).toEqual(drill);
  });

  it('is nothing for an element built without one', () => {
    expect(drillOf({ componentType: 'xAxis', value: '1月' })).toBeUndefined();
    expect(drillOf({ data: 3 })).toBeUndefined();
    expect(drillOf(null)).toBeUndefined();
  });
});

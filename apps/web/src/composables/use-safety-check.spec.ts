import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '@/testing/mount-view';
import { gateResult, hit } from '@/testing/safety';
import { useSafetyCheck } from './use-safety-check';

afterEach(() => vi.unstubAllGlobals());

describe('useSafetyCheck', () => {
  it('keeps the answer to the latest question when an earlier one arrives late', async () => {
    const answers: Array<(r: Response) => void> = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => answers.push(resolve))),
    );
    const { result, checking, check } = useSafetyCheck();
    const first = check([{ name: 'body', text: '网传' }]);
    const second = check([{ name: 'body', text: '干净' }]);
    expect(checking.value).toBe(true);
    answers[1]!(jsonResponse(200, gateResult([])));
    await second;
    answers[0]!(jsonResponse(200, gateResult([hit({})])));
    await first;
    expect(result.value?.passed).toBe(true);
    expect(checking.value).toBe(false);
  });
});

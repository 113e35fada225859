import type { Classification, GateField, GateResult } from '@sunlight/contracts';
import { ref } from 'vue';
import * as safetyApi from '@/api/safety';

/**
 * Asks the content-safety gate about a text. Only the latest question's answer is kept, so a slow answer to
 * an earlier version of the text never replaces the answer to the current one (the editor checks as you type).
 */
export function useSafetyCheck() {
  const result = ref<GateResult | null>(null);
  const checking = ref(false);
  let asked = 0;

  async function check(fields: GateField[], classification: Classification = 'public') {
    const mine = ++asked;
    checking.value = true;
    try {
      const answer = await safetyApi.checkText({ fields, classification });
      if (mine === asked) result.value = answer;
    } finally {
      if (mine === asked) checking.value = false;
    }
  }

  return { result, checking, check };
}

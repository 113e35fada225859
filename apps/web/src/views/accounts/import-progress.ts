import type { HistoryImport } from '@sunlight/contracts';
import { onScopeDispose, ref } from 'vue';
import { HttpError } from '@/api/http';
import { t } from '@/locales';
import { useAccountsStore } from '@/stores/accounts';

/** How often a running import is asked about. */
export const importPollMs = 2_000;

/** `start` asks for a new import (after the admin confirmed); `follow` only shows the latest one. */
export type ImportDialogMode = 'start' | 'follow';

interface Reading {
  latest: HistoryImport | null;
  /** The start met a run already in progress (409), and `latest` is that run. */
  alreadyRunning: boolean;
}

/**
 * 历史导入 of one account as a dialog follows it: `start` asks for a new run (or, on a 409, follows the one in
 * progress), `follow` only reads the latest run. Either then reads the run again every 2 s while it is running.
 * `stop` ends the polling, and so does the end of the calling component.
 */
export function useImportProgress() {
  const store = useAccountsStore();
  const run = ref<HistoryImport | null>(null);
  const alreadyRunning = ref(false);
  /** Why the run could not be started or read; shown in the dialog. */
  const error = ref<string | null>(null);
  const loading = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Bumped by every stop: an answer still on its way for a dialog since closed is dropped.
  let generation = 0;

  function stop() {
    generation += 1;
    clearTimeout(timer);
    timer = undefined;
  }

  async function open(first: () => Promise<Reading>, again: () => Promise<HistoryImport | null>) {
    stop();
    const mine = generation;
    run.value = null;
    alreadyRunning.value = false;
    error.value = null;
    loading.value = true;

    const next = async (): Promise<Reading> => ({ latest: await again(), alreadyRunning: false });
    const read = async (reading: () => Promise<Reading>) => {
      try {
        const answer = await reading();
        if (mine !== generation) return;
        run.value = answer.latest;
        alreadyRunning.value ||= answer.alreadyRunning;
        error.value = null;
        if (answer.latest?.status === 'running') timer = setTimeout(() => void read(next), importPollMs);
      } catch (e) {
        if (mine !== generation) return;
        // One failed read ends the polling: the dialog says why instead of asking again every 2 s.
        error.value = e instanceof HttpError ? e.message : t('accounts.importDialog.readFailed');
      } finally {
        if (mine === generation) loading.value = false;
      }
    };
    await read(first);
  }

  function start(accountId: number) {
    const latest = () => store.latestImport(accountId);
    return open(async () => {
      try {
        return { latest: await store.startImport(accountId), alreadyRunning: false };
      } catch (e) {
        if (!(e instanceof HttpError && e.code === 'CONFLICT')) throw e;
        // 409 is either a run in progress, which the dialog then follows, or an account that cannot import.
        const current = await latest();
        if (current?.status !== 'running') throw e;
        return { latest: current, alreadyRunning: true };
      }
    }, latest);
  }

  function follow(accountId: number) {
    const latest = () => store.latestImport(accountId);
    return open(async () => ({ latest: await latest(), alreadyRunning: false }), latest);
  }

  onScopeDispose(stop);

  return { run, alreadyRunning, error, loading, start, follow, stop };
}

import type {
  Account,
  CreateAccountRequest,
  CreateColumnRequest,
  PortalColumn,
  SetCredentialsRequest,
  UpdateAccountRequest,
  UpdateColumnRequest,
} from '@sunlight/contracts';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import * as accountsApi from '@/api/accounts';
import { useDepartmentsStore } from './departments';
import { useSessionStore } from './session';

/** Errors a form shows next to its fields rather than as a toast. */
const formErrors = { handles: ['VALIDATION_FAILED', 'CONFLICT'] as const };
/** A progress dialog shows why it stopped following an import; a lost session still goes to the login page. */
const progressErrors = {
  handles: ['FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED', 'INTERNAL', 'NETWORK'] as const,
};

export const useAccountsStore = defineStore('accounts', () => {
  const items = ref<Account[]>([]);
  const loading = ref(false);
  const loaded = ref(false);
  /** The columns of the portal account whose column list is open. */
  const columns = ref<PortalColumn[]>([]);

  async function load() {
    loading.value = true;
    try {
      items.value = await accountsApi.listAccounts();
      loaded.value = true;
    } finally {
      loading.value = false;
    }
  }

  function replace(account: Account) {
    items.value = items.value.map((a) => (a.id === account.id ? account : a));
    return account;
  }

  /**
   * Only where an admin grant covers the account's department: a city editor who administers one 分局
   * sees the buttons on that 分局's accounts alone, as the server will decide.
   */
  function canManage(departmentId: number): boolean {
    const session = useSessionStore();
    const departments = useDepartmentsStore();
    return (session.session?.roles ?? []).some(
      (r) => r.role === 'admin' && departments.subtree(r.departmentId).has(departmentId),
    );
  }

  /** The account first, then a token typed by hand: the token is sealed for the account's own id. */
  async function create(request: CreateAccountRequest, credentials?: SetCredentialsRequest) {
    let created = await accountsApi.createAccount(request, formErrors);
    if (credentials) created = await accountsApi.setCredentials(created.id, credentials, formErrors);
    await load();
    return created;
  }

  async function update(
    id: number,
    request: UpdateAccountRequest | null,
    credentials?: SetCredentialsRequest,
  ) {
    let updated = request ? await accountsApi.updateAccount(id, request, formErrors) : undefined;
    if (credentials) updated = await accountsApi.setCredentials(id, credentials, formErrors);
    // A move to another department changes the grouping, so the list is read again.
    await load();
    return updated;
  }

  async function setDisabled(id: number, disabled: boolean) {
    return replace(await accountsApi.updateAccount(id, { disabled }));
  }

  /** 测试连接; the account's 凭据状态 may change with the outcome. */
  async function test(id: number) {
    const result = await accountsApi.testConnection(id);
    await load();
    return result;
  }

  async function startOAuth(id: number, redirectUri: string) {
    return (await accountsApi.authorizeUrl(id, redirectUri)).url;
  }

  async function finishOAuth(id: number, code: string, state: string, redirectUri: string) {
    const account = await accountsApi.submitOAuthCode(id, { code, state, redirectUri });
    await load();
    return account;
  }

  /** 导入历史. A 409 (a run in progress, or a disabled account) is the caller's to explain. */
  function startImport(id: number) {
    return accountsApi.startImport(id, { handles: ['CONFLICT'] });
  }

  /** The account's latest history import, or null before the first. */
  async function latestImport(id: number) {
    return (await accountsApi.importState(id, progressErrors)).latest;
  }

  /** 立即采集. The list is read again: the account's backoff is gone. */
  async function collectNow(id: number) {
    const queued = await accountsApi.collectNow(id);
    await load();
    return queued;
  }

  async function loadColumns(accountId: number) {
    columns.value = [];
    columns.value = await accountsApi.listColumns(accountId);
  }

  async function saveColumn(accountId: number, id: number | undefined, request: CreateColumnRequest) {
    const saved =
      id === undefined
        ? await accountsApi.createColumn(accountId, request, formErrors)
        : await accountsApi.updateColumn(accountId, id, request, formErrors);
    await Promise.all([loadColumns(accountId), load()]);
    return saved;
  }

  async function setColumnDisabled(accountId: number, id: number, disabled: boolean) {
    const request: UpdateColumnRequest = { disabled };
    await accountsApi.updateColumn(accountId, id, request);
    await Promise.all([loadColumns(accountId), load()]);
  }

  return {
    items,
    loading,
    loaded,
    columns,
    load,
    canManage,
    create,
    update,
    setDisabled,
    test,
    startOAuth,
    finishOAuth,
    startImport,
    latestImport,
    collectNow,
    loadColumns,
    saveColumn,
    setColumnDisabled,
  };
});

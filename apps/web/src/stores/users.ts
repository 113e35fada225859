import type { CreateUserRequest, UpdateUserRequest, User } from '@sunlight/contracts';
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import * as usersApi from '@/api/users';

export const useUsersStore = defineStore('users', () => {
  const query = reactive({ department: undefined as number | undefined, q: '', page: 1, pageSize: 20 });
  const items = ref<User[]>([]);
  const total = ref(0);
  const loading = ref(false);
  // Answers can overtake each other while someone types; only the latest request may fill the table.
  let latest = 0;

  async function load() {
    const ticket = ++latest;
    loading.value = true;
    try {
      const page = await usersApi.listUsers({ ...query, q: query.q.trim() || undefined });
      if (ticket !== latest) return;
      items.value = page.items;
      total.value = page.total;
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  function selectDepartment(id: number | undefined) {
    query.department = id;
    query.page = 1;
    return load();
  }

  function search(q: string) {
    query.q = q;
    query.page = 1;
    return load();
  }

  async function create(request: CreateUserRequest) {
    const created = await usersApi.createUser(request, {
      handles: ['VALIDATION_FAILED', 'CONFLICT', 'ROLE_CONFLICT'],
    });
    await load();
    return created;
  }

  async function update(id: number, request: UpdateUserRequest) {
    const updated = await usersApi.updateUser(id, request, {
      handles: ['VALIDATION_FAILED', 'ROLE_CONFLICT'],
    });
    // A move to another department can take the user out of the listed subtree.
    await load();
    return updated;
  }

  /** Updates that come from the table itself (disable/enable) report errors as toasts. */
  async function setDisabled(id: number, disabled: boolean) {
    const updated = await usersApi.updateUser(id, { disabled });
    items.value = items.value.map((u) => (u.id === id ? updated : u));
    return updated;
  }

  const resetPassword = (id: number) => usersApi.resetPassword(id);

  return {
    query,
    items,
    total,
    loading,
    load,
    selectDepartment,
    search,
    create,
    update,
    setDisabled,
    resetPassword,
  };
});

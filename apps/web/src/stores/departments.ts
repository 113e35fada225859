import type { CreateDepartmentRequest, Department, UpdateDepartmentRequest } from '@sunlight/contracts';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import * as departmentsApi from '@/api/departments';
import { buildDepartmentTree, subtreeIds } from '@/utils/department-tree';

export const useDepartmentsStore = defineStore('departments', () => {
  const list = ref<Department[]>([]);
  const loading = ref(false);
  const loaded = ref(false);

  const tree = computed(() => buildDepartmentTree(list.value));
  const byId = computed(() => new Map(list.value.map((d) => [d.id, d])));

  async function load() {
    loading.value = true;
    try {
      list.value = await departmentsApi.listDepartments();
      loaded.value = true;
    } finally {
      loading.value = false;
    }
  }

  async function ensureLoaded() {
    if (!loaded.value) await load();
  }

  // A move changes the depth of a whole subtree, so mutations reload the list rather than patching it.
  async function create(request: CreateDepartmentRequest) {
    const created = await departmentsApi.createDepartment(request, {
      handles: ['VALIDATION_FAILED', 'CONFLICT'],
    });
    await load();
    return created;
  }

  async function update(id: number, request: UpdateDepartmentRequest) {
    const updated = await departmentsApi.updateDepartment(id, request, {
      handles: ['VALIDATION_FAILED', 'CONFLICT', 'DEPARTMENT_CYCLE'],
    });
    await load();
    return updated;
  }

  const subtree = (id: number) => subtreeIds(list.value, id);

  return { list, loading, loaded, tree, byId, load, ensureLoaded, create, update, subtree };
});

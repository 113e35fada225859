import type { PostStatus, PostSummary } from '@sunlight/contracts';
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import * as postsApi from '@/api/posts';

export interface PostListFilter {
  status: PostStatus | undefined;
  mine: boolean;
  q: string;
}

/** 稿件列表: the posts in the caller's reach, newest change first. */
export const usePostsStore = defineStore('posts', () => {
  const items = ref<PostSummary[]>([]);
  const total = ref(0);
  const page = ref(1);
  const pageSize = 20;
  const loading = ref(false);
  const filter = reactive<PostListFilter>({ status: undefined, mine: false, q: '' });

  async function load() {
    loading.value = true;
    try {
      const result = await postsApi.listPosts({
        page: page.value,
        pageSize,
        status: filter.status,
        mine: filter.mine ? 'true' : undefined,
        q: filter.q || undefined,
      });
      items.value = result.items;
      total.value = result.total;
    } finally {
      loading.value = false;
    }
  }

  return { items, total, page, pageSize, loading, filter, load };
});

import type { Post, PostGate, ReviewAnchor, ReviewQueueItem } from '@sunlight/contracts';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import * as postsApi from '@/api/posts';

const formErrors = { handles: ['VALIDATION_FAILED', 'CONFLICT'] as const };

/** 审核: what waits for the caller, and the post open for review with the gate's findings. */
export const useReviewStore = defineStore('review', () => {
  const queue = ref<ReviewQueueItem[]>([]);
  const loading = ref(false);
  const post = ref<Post | null>(null);
  const gate = ref<PostGate | null>(null);

  async function loadQueue() {
    loading.value = true;
    try {
      queue.value = await postsApi.reviewQueue();
    } finally {
      loading.value = false;
    }
  }

  async function open(id: number) {
    post.value = await postsApi.getPost(id);
    gate.value = await postsApi.postGate(id);
  }

  async function decide(
    decision: 'approve' | 'reject',
    comment: string,
    anchors: ReviewAnchor[],
    acknowledged: string[],
  ) {
    const p = post.value!;
    post.value = await postsApi.reviewPost(
      p.id,
      { version: p.version, decision, comment, anchors, acknowledgedWarnings: acknowledged },
      formErrors,
    );
  }

  async function urgent(reason: string, comment: string, acknowledged: string[]) {
    const p = post.value!;
    post.value = await postsApi.urgentApprove(
      p.id,
      { version: p.version, reason, comment, acknowledgedWarnings: acknowledged },
      formErrors,
    );
  }

  return { queue, loading, post, gate, loadQueue, open, decide, urgent };
});

import type {
  CreatePostRequest,
  Post,
  PostGate,
  PostHistory,
  UpdatePostRequest,
  UpdateVariantRequest,
} from '@sunlight/contracts';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import * as postsApi from '@/api/posts';
import { HttpError } from '@/api/http';

type PostChanges = Omit<UpdatePostRequest, 'version'>;
type VariantChanges = Omit<UpdateVariantRequest, 'version'>;
export type SaveState = 'saved' | 'pending' | 'saving' | 'conflict' | 'failed';

/** Typing pauses this long before an autosave goes out. */
const AUTOSAVE_MS = 1500;
const formErrors = { handles: ['VALIDATION_FAILED', 'CONFLICT'] as const };

/**
 * The post being written (撰写): changes collect and are saved after a pause, one save at a time, each naming
 * the version it started from; a 409 means someone else saved in between and the editor must reload.
 */
export const useComposerStore = defineStore('composer', () => {
  const post = ref<Post | null>(null);
  const state = ref<SaveState>('saved');
  const savedAt = ref<string | null>(null);
  const message = ref('');
  const gate = ref<PostGate | null>(null);
  const history = ref<PostHistory | null>(null);
  let pending: PostChanges = {};
  const pendingVariants = new Map<number, VariantChanges>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<unknown> = Promise.resolve();

  function reset() {
    clearTimeout(timer);
    post.value = null;
    pending = {};
    pendingVariants.clear();
    state.value = 'saved';
    savedAt.value = null;
    message.value = '';
    gate.value = null;
    history.value = null;
  }

  async function load(id: number) {
    reset();
    post.value = await postsApi.getPost(id);
    savedAt.value = post.value.updatedAt;
  }

  async function create(request: CreatePostRequest) {
    reset();
    post.value = await postsApi.createPost(request, formErrors);
    savedAt.value = post.value.updatedAt;
    return post.value;
  }

  function change(changes: PostChanges) {
    pending = { ...pending, ...changes };
    later();
  }

  function changeVariant(accountId: number, changes: VariantChanges) {
    pendingVariants.set(accountId, { ...pendingVariants.get(accountId), ...changes });
    later();
  }

  function later() {
    if (state.value === 'conflict') return;
    state.value = 'pending';
    clearTimeout(timer);
    timer = setTimeout(() => void save().catch(() => undefined), AUTOSAVE_MS);
  }

  /** Saves what is waiting; saves queue behind each other so each names the version the last one left. */
  function save(): Promise<void> {
    clearTimeout(timer);
    const run = chain.then(() => flush());
    chain = run.catch(() => undefined);
    return run;
  }

  async function flush() {
    if (state.value === 'conflict') return;
    // A new post exists from its first save on: opening the composer alone leaves no empty draft behind.
    if (!post.value) {
      if (Object.keys(pending).length === 0) return;
      const fields = pending;
      pending = {};
      state.value = 'saving';
      post.value = await postsApi.createPost(fields, formErrors).catch((error: unknown) => {
        state.value = 'failed';
        message.value = error instanceof Error ? error.message : '';
        throw error;
      });
    }
    const current = post.value;
    const changes = pending;
    const variants = [...pendingVariants];
    pending = {};
    pendingVariants.clear();
    if (Object.keys(changes).length === 0 && variants.length === 0) {
      state.value = 'saved';
      savedAt.value = current.updatedAt;
      return;
    }
    state.value = 'saving';
    try {
      let next = current;
      if (Object.keys(changes).length)
        next = await postsApi.updatePost(next.id, { ...changes, version: next.version }, formErrors);
      for (const [accountId, v] of variants)
        next = await postsApi.updateVariant(next.id, accountId, { ...v, version: next.version }, formErrors);
      post.value = next;
      savedAt.value = next.updatedAt;
      state.value = 'saved';
      message.value = '';
    } catch (error) {
      state.value = error instanceof HttpError && error.code === 'CONFLICT' ? 'conflict' : 'failed';
      message.value = error instanceof Error ? error.message : '';
      throw error;
    }
  }

  /** Workflow steps save first, so what is submitted is what is on screen. */
  async function act(step: (p: Post) => Promise<Post>) {
    await save();
    post.value = await step(post.value!);
    savedAt.value = post.value.updatedAt;
    return post.value;
  }

  async function regenerate(overwriteEdited: boolean) {
    return act((p) => postsApi.regenerateVariants(p.id, p.version, overwriteEdited));
  }

  async function loadGate() {
    if (post.value) gate.value = await postsApi.postGate(post.value.id);
  }

  async function loadHistory() {
    if (post.value) history.value = await postsApi.postHistory(post.value.id);
  }

  return {
    post,
    state,
    savedAt,
    message,
    gate,
    history,
    reset,
    load,
    create,
    change,
    changeVariant,
    save,
    act,
    regenerate,
    loadGate,
    loadHistory,
  };
});

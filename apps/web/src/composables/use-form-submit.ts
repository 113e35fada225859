import type { FormInstance } from 'element-plus';
import { ref, type Ref } from 'vue';
import { HttpError } from '@/api/http';

/**
 * The life of a dialog's save button: validate, run, show the server's answer beside the fields. Errors the
 * form handles (see the store's `handles`) end up in `error`; anything else keeps propagating.
 */
export function useFormSubmit(form: Ref<FormInstance | undefined>, work: () => Promise<void>) {
  const saving = ref(false);
  const error = ref<HttpError | null>(null);

  async function submit() {
    if (!(await form.value?.validate().catch(() => false))) return;
    saving.value = true;
    error.value = null;
    try {
      await work();
    } catch (caught) {
      if (!(caught instanceof HttpError)) throw caught;
      error.value = caught;
    } finally {
      saving.value = false;
    }
  }

  return { saving, error, submit };
}

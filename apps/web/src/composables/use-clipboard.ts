import { useI18n } from 'vue-i18n';

/**
 * Many installations are reached over plain http on an intranet, where navigator.clipboard does not
 * exist; the old execCommand path still works there.
 */
export function copyText(text: string): boolean | Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    return navigator.clipboard.writeText(text).then(
      () => true,
      () => legacyCopy(text),
    );
  }
  return legacyCopy(text);
}

function legacyCopy(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    // Deprecated, yet the only way to copy without the Clipboard API.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export function useClipboard() {
  const { t } = useI18n();
  return async (text: string) => {
    if (await copyText(text)) ElMessage.success(t('common.copied'));
    else ElMessage.warning(t('common.copyFailed'));
  };
}

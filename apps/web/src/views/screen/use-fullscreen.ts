import { onMounted, onUnmounted, ref } from 'vue';

/** Whether the page is full screen, kept in step with Esc and F11, and a toggle for the button. */
export function useFullscreen(onDenied: () => void) {
  const active = ref(false);
  const sync = () => {
    active.value = document.fullscreenElement !== null;
  };
  onMounted(() => {
    sync();
    document.addEventListener('fullscreenchange', sync);
  });
  onUnmounted(() => document.removeEventListener('fullscreenchange', sync));

  function toggle() {
    const change = document.fullscreenElement
      ? document.exitFullscreen()
      : document.documentElement.requestFullscreen();
    change.catch(onDenied);
  }

  function leave() {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  }

  return { active, toggle, leave };
}

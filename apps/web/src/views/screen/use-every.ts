import { onMounted, onUnmounted } from 'vue';

/**
 * Runs `tick` every `ms` while the component is mounted: the 大屏's refresh and its rotating panels.
 * `restart` counts the interval again from now, so a panel someone picked stays its full time.
 */
export function useEvery(ms: number, tick: () => void) {
  let timer: ReturnType<typeof setInterval> | undefined;
  const restart = () => {
    clearInterval(timer);
    timer = setInterval(tick, ms);
  };
  onMounted(restart);
  onUnmounted(() => clearInterval(timer));
  return { restart };
}

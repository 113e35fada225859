import { onMounted, onUnmounted, ref } from 'vue';

/**
 * Chart text in pixels that scales with the screen as the page's own text does (1vw): 19 px on a
 * 1920-wide screen, 38 px on a 3840-wide one, so a chart is as readable from the back of the room as the rest.
 */
export function useViewportFont(vw = 1) {
  const size = () => Math.round((window.innerWidth * vw) / 100);
  const fontSize = ref(size());
  const update = () => {
    fontSize.value = size();
  };
  onMounted(() => window.addEventListener('resize', update));
  onUnmounted(() => window.removeEventListener('resize', update));
  return fontSize;
}

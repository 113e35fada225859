import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'happy-dom',
      include: ['src/**/*.spec.ts'],
      setupFiles: ['src/testing/setup.ts'],
      // Element Plus components import their CSS; run them through Vite instead of Node's loader.
      server: { deps: { inline: ['element-plus'] } },
    },
  }),
);

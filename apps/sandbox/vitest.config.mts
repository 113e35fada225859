import { defineConfig } from 'vitest/config';

// Every test starts real sandboxes on port 0 with their own temp data dir, so files can run in parallel.
export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});

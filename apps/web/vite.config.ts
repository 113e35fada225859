import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import AutoImport from 'unplugin-auto-import/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import Components from 'unplugin-vue-components/vite';
import { defineConfig, type PluginOption } from 'vite';

// Element Plus on demand: only the components (and their CSS) a page uses end up in its chunk.
// Vue, router and pinia stay explicit imports so every file says where its names come from.
// The cast: both plugins' published types import whichever `vite` is hoisted in the workspace (8, pulled in
// by another package) rather than the 7 this app builds with; the plugin objects work with both.
const elementPlus = [
  AutoImport({ resolvers: [ElementPlusResolver()], dts: 'src/auto-imports.d.ts' }),
  Components({ resolvers: [ElementPlusResolver()], dts: 'src/components.d.ts', dirs: [] }),
] as unknown as PluginOption[];

export default defineConfig({
  plugins: [vue(), ...elementPlus],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});

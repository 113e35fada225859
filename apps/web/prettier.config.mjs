// The workspace style, plus one exception: the two declaration files that unplugin-auto-import and
// unplugin-vue-components regenerate on every build are written without semicolons; formatting them
// differently would make each build dirty the tree and fail `prettier --check`.
// (Listing them in the root .prettierignore would make this file unnecessary.)
import { readFileSync } from 'node:fs';

const workspace = JSON.parse(readFileSync(new URL('../../.prettierrc.json', import.meta.url), 'utf8'));

export default {
  ...workspace,
  overrides: [{ files: ['src/auto-imports.d.ts', 'src/components.d.ts'], options: { semi: false } }],
};

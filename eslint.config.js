// Lint rules, including the dependency rules of docs/style.md §2 (enforced, not advisory).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const FRONT_END_PACKAGES = ['@actions/*', 'probot', '@probot/*', '@octokit/*']
const IMPURE_MODULES = ['node:fs', 'node:fs/promises', 'node:child_process', 'node:net', 'node:http', 'node:https', 'fs', 'child_process', 'undici']

const envRule = {
  'no-restricted-properties': [
    'error',
    { object: 'process', property: 'env', message: 'process.env is read only at a front end entry (docs/style.md §2.3).' },
  ],
}

function forbidImports(groups, message) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }] }
}

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', performance: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 200, skipBlankLines: true, skipComments: true }],
      complexity: ['warn', 12],
      'max-params': ['warn', 3],
    },
  },
  { files: ['src/**/*.ts'], rules: { ...envRule, ...forbidImports(FRONT_END_PACKAGES, 'src/ is the core: it never imports front-end packages (docs/style.md §2.2).') } },
  {
    files: ['src/tokens/**/*.ts', 'src/scan/**/*.ts', 'src/incidents/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: [...FRONT_END_PACKAGES, ...IMPURE_MODULES], message: 'src/tokens, src/scan and src/incidents are pure: I/O arrives through src/ports.ts (docs/style.md §2.4).' }] }] },
  },
  { files: ['action/**/*.ts'], ignores: ['action/inputs.ts', 'action/workflow-commands.ts'], rules: { ...envRule, ...forbidImports(['**/bot/**', '**/cli/**', 'probot'], 'action/ depends on src/ only (docs/style.md §2.1).') } },
  // workflow-commands.ts is the runner's protocol itself (INPUT_*, STATE_*, GITHUB_OUTPUT…), in place of @actions/core.
  { files: ['action/inputs.ts', 'action/workflow-commands.ts'], rules: forbidImports(['**/bot/**', '**/cli/**', 'probot'], 'action/ depends on src/ only (docs/style.md §2.1).') },
  { files: ['bot/**/*.ts'], ignores: ['bot/index.ts'], rules: { ...envRule, ...forbidImports(['**/action/**', '**/cli/**', '@actions/*'], 'bot/ depends on src/ only (docs/style.md §2.1).') } },
  { files: ['bot/index.ts'], rules: forbidImports(['**/action/**', '**/cli/**', '@actions/*'], 'bot/ depends on src/ only (docs/style.md §2.1).') },
  { files: ['cli/**/*.ts'], ignores: ['cli/main.ts'], rules: { ...envRule, ...forbidImports(['**/action/**', '**/bot/**', '@actions/*', 'probot'], 'cli/ depends on src/ only (docs/style.md §2.1).') } },
  { files: ['cli/main.ts'], rules: forbidImports(['**/action/**', '**/bot/**', '@actions/*', 'probot'], 'cli/ depends on src/ only (docs/style.md §2.1).') },
  { files: ['test/**/*.ts', 'scripts/**'], rules: { 'max-lines': 'off', 'max-params': 'off' } },
)

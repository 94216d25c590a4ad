// Builds the committed bundles in dist/: `tsc -p tsconfig.build.json` emits plain JS to build/, then ncc bundles each
// entry with its dependencies into one file that runs with `node` and no node_modules (docs/style.md §1: dist/ is generated).
// Bundling tsc's output rather than the .ts sources keeps ncc away from TypeScript's API (docs/facts.md §6).
//
// Usage: node scripts/bundle.js [--out-dir DIR]   (check-dist.js bundles into a temporary DIR and compares)
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * The bundles. `source` is the TypeScript entry (an entry whose source does not exist yet is skipped, so front ends
 * can land one at a time); `entry` is what tsc emits for it; `out` is the folder in dist/ that receives `index.js`.
 * `executable` adds a shebang and the executable bit (package.json `bin`).
 */
export const BUNDLES = [
  { source: 'cli/main.ts', entry: 'build/cli/main.js', out: 'cli', executable: true },
  { source: 'action/main.ts', entry: 'build/action/main.js', out: 'main', executable: false },
  { source: 'action/post.ts', entry: 'build/action/post.js', out: 'post', executable: false },
]

const SHEBANG = '#!/usr/bin/env node\n'

function parseOutDir(argv) {
  const index = argv.indexOf('--out-dir')
  if (index < 0) return join(ROOT, 'dist')
  const value = argv[index + 1]
  if (value === undefined) throw new Error('bundle: --out-dir needs a folder. Run: node scripts/bundle.js --out-dir DIR.')
  return resolve(value)
}

function compileTypeScript() {
  const require = createRequire(import.meta.url)
  const tsc = require.resolve('typescript/bin/tsc')
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' })
}

async function bundleOne(ncc, bundle, outDir) {
  // Options fixed for byte-for-byte reproducible output: no cache, no minification, no source maps, no build stamps.
  const { code, assets } = await ncc(join(ROOT, bundle.entry), {
    cache: false,
    minify: false,
    sourceMap: false,
    quiet: true,
    target: 'es2022',
    license: 'licenses.txt',
  })
  const folder = join(outDir, bundle.out)
  await rm(folder, { recursive: true, force: true })
  await mkdir(folder, { recursive: true })
  const body = code.startsWith('#!') ? code.slice(code.indexOf('\n') + 1) : code
  const indexPath = join(folder, 'index.js')
  await writeFile(indexPath, bundle.executable ? SHEBANG + body : body)
  if (bundle.executable) await chmod(indexPath, 0o755)
  for (const [name, asset] of Object.entries(assets)) {
    await mkdir(dirname(join(folder, name)), { recursive: true })
    await writeFile(join(folder, name), asset.source)
  }
  return indexPath
}

async function main() {
  const outDir = parseOutDir(process.argv.slice(2))
  const present = BUNDLES.filter((bundle) => existsSync(join(ROOT, bundle.source)))
  compileTypeScript()
  const require = createRequire(import.meta.url)
  const ncc = require('@vercel/ncc')
  for (const bundle of present) {
    const written = await bundleOne(ncc, bundle, outDir)
    console.log(`bundle: ${bundle.source} -> ${written}`)
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main()
}

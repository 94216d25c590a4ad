// Fails when the committed dist/ is not what a fresh build of the sources produces (actions/typescript-action's
// check-dist): bundles into a temporary folder with scripts/bundle.js and compares every file byte for byte.
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const DIST = join(ROOT, 'dist')

async function listFiles(root, folder = root) {
  let entries
  try {
    entries = await readdir(folder, { withFileTypes: true })
  } catch (error) {
    if (error.code === 'ENOENT') return []
    throw error
  }
  const files = []
  for (const entry of entries) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) files.push(...(await listFiles(root, path)))
    else files.push(relative(root, path).split('\\').join('/'))
  }
  return files
}

async function readOrUndefined(path) {
  try {
    return await readFile(path)
  } catch (error) {
    if (error.code === 'ENOENT') return undefined
    throw error
  }
}

async function compare(freshDir) {
  const names = [...new Set([...(await listFiles(DIST)), ...(await listFiles(freshDir))])].sort()
  const problems = []
  for (const name of names) {
    const committed = await readOrUndefined(join(DIST, name))
    const fresh = await readOrUndefined(join(freshDir, name))
    if (committed === undefined) problems.push(`dist/${name}: missing (a fresh build produces it)`)
    else if (fresh === undefined) problems.push(`dist/${name}: not produced by a fresh build (stale file)`)
    else if (!committed.equals(fresh)) problems.push(`dist/${name}: differs from a fresh build`)
  }
  return problems
}

async function main() {
  const freshDir = await mkdtemp(join(tmpdir(), 'check-dist-'))
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle.js'), '--out-dir', freshDir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
    const problems = await compare(freshDir)
    if (problems.length === 0) {
      console.log('check-dist: dist/ matches a fresh build.')
      return 0
    }
    for (const problem of problems) console.error(problem)
    console.error(`dist/ is out of date: ${problems.length} file(s) differ from a fresh build of the sources. Run npm run bundle and commit dist/.`)
    return 1
  } finally {
    await rm(freshDir, { recursive: true, force: true })
  }
}

process.exitCode = await main()

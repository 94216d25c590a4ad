import { join } from 'node:path'
import type { FileScanner } from '../../../bot/scan/file-scanner.js'
import { generateToken } from '../../support/generate-token.js'
import { ROOT } from './spawn-bot.js'

/**
 * The scanning threads' time budget, on the built pool (its threads load the compiled `scan-worker.js`): a request
 * that would run for hours has its thread ended, and the next request runs on a fresh thread. With one thread, a
 * pool that only rejected the caller's promise and left the thread running would never answer the second request.
 */
describe('a scan past its time budget', () => {
  let scanner: FileScanner | undefined

  afterEach(async () => {
    await scanner?.close()
    scanner = undefined
  })

  it('ends its thread and says so; the next request runs on a fresh thread', async () => {
    const { createWorkerScanner } = (await import(join(ROOT, 'build/bot/scan/worker-scanner.js'))) as { createWorkerScanner: (options: { threads: number }) => FileScanner }
    scanner = createWorkerScanner({ threads: 1 })
    // Twelve stars against 60 characters: a backtracking glob that runs for hours (the configuration refuses such
    // shapes; the budget is the second line of defence).
    // Twice: the thread that replaced the first one must itself be replaceable.
    for (let overrun = 0; overrun < 2; overrun++) {
      const hostile = scanner.filterPaths(['**/a*a*a*a*a*a*a*a*a*a*a*a*b'], ['a'.repeat(60)], { budgetMs: 300 })
      await expect(hostile).rejects.toThrow('Scanning the paths of 1 files against 1 ignore-paths globs stopped: it ran past its budget of 300 ms and its thread was ended.')
    }
    const token = generateToken('ls-')
    const result = await scanner.scanFile({ path: 'ci.env', commit: 'a'.repeat(40), bytes: new TextEncoder().encode(`LOCALSTACK_AUTH_TOKEN=${token}\n`), allowFingerprints: [] }, { budgetMs: 30_000 })
    expect(result.findings).toHaveLength(1)
    expect(JSON.stringify(result)).not.toContain(token)
  })
})

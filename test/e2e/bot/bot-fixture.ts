import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions, type FakeRepository } from '../../fakes/fake-github/index.js'
import { generateTestAppKey, type TestAppKey } from '../../support/generate-test-app-key.js'
import { startBot, type BotProcess } from './bot-process.js'

export const APP_ID = 5150
export const INSTALLATION_ID = 31

let key: TestAppKey | undefined
/** One key pair per test file: RSA generation is the slow part. */
export function appKey(): TestAppKey {
  key ??= generateTestAppKey()
  return key
}

/** A fake GitHub with `acme/app` and `acme/api` (one commit each on `main`), installed, and the bot running against it. */
export interface BotWorld {
  readonly gh: FakeGitHub
  readonly app: FakeRepository
  readonly api: FakeRepository
  readonly bot: BotProcess
  /** Delivers a push of `branch` from `before` to the branch's head (or `after`), as GitHub would describe it. */
  push(repo: FakeRepository, options: { ref?: string; before: string; after: string; created?: boolean; deleted?: boolean; forced?: boolean }): Promise<number>
  /** Waits until every job the bot queued has run (its health endpoint reports no pending or running job). */
  settle(timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

let deliveries = 0

export async function startWorld(options: Partial<FakeGitHubOptions> = {}, botEnv: Record<string, string> = {}): Promise<BotWorld> {
  const gh = await startFakeGitHub({ appId: APP_ID, publicKeyPem: appKey().publicKeyPem, limits: { retryAfterSeconds: 1 }, ...options })
  const app = gh.createRepository('acme/app', { defaultBranch: 'main' })
  const api = gh.createRepository('acme/api', { defaultBranch: 'main' })
  app.commit({ files: { 'README.md': '# app\n' }, message: 'Initial commit' })
  api.commit({ files: { 'README.md': '# api\n' }, message: 'Initial commit' })
  gh.addInstallation({ id: INSTALLATION_ID, account: 'acme', repositories: [app, api] })
  const bot = await startBot(gh, appKey(), { appId: APP_ID, env: botEnv })
  const world: BotWorld = {
    gh,
    app,
    api,
    bot,
    async push(repo, push) {
      const payload = gh.pushPayload(repo, { ref: push.ref ?? 'refs/heads/main', ...push })
      const answer = await bot.deliver('push', `delivery-${++deliveries}`, payload)
      return answer.status
    },
    async settle(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const health = (await (await fetch(new URL('/localstack-guard/health', bot.url))).json()) as { jobs: Record<string, number> }
        if ((health.jobs['pending'] ?? 0) === 0 && (health.jobs['running'] ?? 0) === 0) return
        if (Date.now() > deadline) throw new Error(`jobs still queued after ${timeoutMs} ms: ${JSON.stringify(health.jobs)}\n${bot.output().slice(-3000)}`)
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
    },
    async close() {
      await bot.stop()
      await gh.close()
    },
  }
  return world
}

/** The head of a repository's default branch (it always has one here: the fixture commits a README). */
export function headOf(repo: FakeRepository): string {
  const head = repo.head()
  if (head === undefined) throw new Error(`${repo.fullName} has no commit yet`)
  return head
}

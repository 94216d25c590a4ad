import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions, type FakeRepository, type PermissionLevel } from '../../fakes/fake-github/index.js'
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
  bot: BotProcess
  /** Starts a new bot process on the same state file (after `bot.kill()` or `bot.stop()`). */
  restart(): Promise<void>
  /** Delivers a push of `branch` from `before` to the branch's head (or `after`), as GitHub would describe it. */
  push(repo: FakeRepository, options: { ref?: string; before: string; after: string; created?: boolean; deleted?: boolean; forced?: boolean }): Promise<number>
  /** Waits until every job the bot queued has run (its health endpoint reports no pending or running job). */
  settle(timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

let deliveries = 0

/** What a scenario changes in the standard world. */
export interface WorldOptions {
  readonly fake?: Partial<FakeGitHubOptions>
  readonly botEnv?: Record<string, string>
  /** Installation permissions (default: the fake's defaults, as app.yml asks minus the opt-in writes). */
  readonly permissions?: Record<string, PermissionLevel>
  /** Actions secrets `acme/app` already has (names only). */
  readonly appSecrets?: string[]
  /** A state file to reuse (a restart). */
  readonly databasePath?: string
}

export async function startWorld(worldOptions: WorldOptions = {}): Promise<BotWorld> {
  const options = worldOptions.fake ?? {}
  const gh = await startFakeGitHub({ appId: APP_ID, publicKeyPem: appKey().publicKeyPem, limits: { retryAfterSeconds: 1 }, ...options })
  const app = gh.createRepository('acme/app', { defaultBranch: 'main', ...(worldOptions.appSecrets === undefined ? {} : { secrets: worldOptions.appSecrets }) })
  const api = gh.createRepository('acme/api', { defaultBranch: 'main' })
  app.commit({ files: { 'README.md': '# app\n' }, message: 'Initial commit' })
  api.commit({ files: { 'README.md': '# api\n' }, message: 'Initial commit' })
  gh.addInstallation({ id: INSTALLATION_ID, account: 'acme', repositories: [app, api], ...(worldOptions.permissions === undefined ? {} : { permissions: worldOptions.permissions }) })
  // The world owns the state file, so a restarted bot finds it and `close` removes it.
  const stateDir = mkdtempSync(join(tmpdir(), 'guard-world-'))
  const botOptions = { appId: APP_ID, env: worldOptions.botEnv ?? {}, databasePath: worldOptions.databasePath ?? join(stateDir, 'state.sqlite') }
  const bot = await startBot(gh, appKey(), botOptions)
  const world: BotWorld = {
    gh,
    app,
    api,
    bot,
    async push(repo, push) {
      const payload = gh.pushPayload(repo, { ref: push.ref ?? 'refs/heads/main', ...push })
      const answer = await world.bot.deliver('push', `delivery-${++deliveries}`, payload)
      return answer.status
    },
    async settle(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const health = (await (await fetch(new URL('/localstack-guard/health', world.bot.url))).json()) as { jobs: Record<string, number> }
        if ((health.jobs['pending'] ?? 0) === 0 && (health.jobs['running'] ?? 0) === 0) return
        if (Date.now() > deadline) throw new Error(`jobs still queued after ${timeoutMs} ms: ${JSON.stringify(health.jobs)}\n${world.bot.output().slice(-3000)}`)
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
    },
    async restart() {
      await world.bot.stop()
      world.bot = await startBot(gh, appKey(), botOptions)
    },
    async close() {
      await world.bot.stop()
      await bot.stop()
      rmSync(stateDir, { recursive: true, force: true })
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

/**
 * Closes the world and checks what every scenario promises: GitHub accepted every request, and no byte the bot sent,
 * printed or stored (the SQLite file and its WAL) holds one of the raw tokens the scenario planted.
 */
export async function closeAndCheck(world: BotWorld, plantedTokens: readonly string[]): Promise<void> {
  const sent = world.gh.requests.map((request) => `${request.path} ${JSON.stringify(request.query)} ${request.body}`).join('\n')
  await world.bot.stop()
  const printed = world.bot.output()
  const stored = ['', '-wal'].map((suffix) => `${world.bot.databasePath}${suffix}`).filter(existsSync).map((path) => readFileSync(path).toString('latin1')).join('\n')
  const violations = [...world.gh.violations]
  await world.close()
  expect(violations).toEqual([])
  expect(stored.length).toBeGreaterThan(0)
  for (const raw of plantedTokens) {
    expect(sent).not.toContain(raw)
    expect(printed).not.toContain(raw)
    expect(stored).not.toContain(raw)
    // Encoded, too: a logged request body carries file content as base64 (sending it to GitHub is the point of a
    // migration pull request, so only what is printed and stored is searched for it).
    for (const encoded of base64Forms(raw)) {
      expect(printed).not.toContain(encoded)
      expect(stored).not.toContain(encoded)
    }
  }
}

/**
 * The base64 text a token turns into inside a larger encoded value, at each of the three byte alignments: only the
 * 4-character groups made of the token's bytes alone, which are the same whatever surrounds it.
 */
export function base64Forms(raw: string): string[] {
  return [0, 1, 2].map((pad) => {
    const encoded = Buffer.from(`${'\0'.repeat(pad)}${raw}`, 'latin1').toString('base64')
    const start = pad === 0 ? 0 : 4
    const end = Math.floor((pad + raw.length) / 3) * 4
    return encoded.slice(start, end)
  })
}

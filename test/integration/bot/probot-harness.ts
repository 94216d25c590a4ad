import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Probot, ProbotOctokit } from 'probot'
import { sqliteBackend } from '../../../bot/backends.js'
import { createGuardApp } from '../../../bot/create-app.js'
import type { BotJob } from '../../../bot/jobs/job.js'
import type { SqliteJobQueue } from '../../../bot/queue/sqlite-job-queue.js'
import { openDatabase } from '../../../bot/store/sqlite-database.js'
import { SqliteStore } from '../../../bot/store/sqlite-store.js'

/** A Probot instance running the bot on a temporary SQLite file, with retries and throttling off (nock answers). */
export interface Harness {
  readonly probot: Probot
  readonly queue: SqliteJobQueue<BotJob>
  readonly store: SqliteStore
  readonly databasePath: string
  /** Waits until every queued job ran; fails the test when that takes over `timeoutMs`. */
  drain(timeoutMs?: number): Promise<void>
  close(): void
}

const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()

export async function startHarness(databasePath?: string): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'guard-bot-'))
  const path = databasePath ?? join(dir, 'state.sqlite')
  const db = openDatabase(path)
  let queue: SqliteJobQueue<BotJob> | undefined
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: 'test-secret',
    logLevel: 'fatal',
    Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }),
  })
  const backend = sqliteBackend(db, 2)
  await probot.load(createGuardApp({ backend, webBaseUrl: 'https://github.com', onQueue: (q) => (queue = q as SqliteJobQueue<BotJob>) }), { cwd: process.cwd(), addHandler: () => undefined })
  if (queue === undefined) throw new Error('the app did not create its queue')
  const created = queue
  return {
    probot,
    queue: created,
    store: new SqliteStore(db),
    databasePath: path,
    async drain(timeoutMs = 10_000) {
      if (!(await created.whenIdle(timeoutMs))) throw new Error(`jobs still running after ${timeoutMs} ms: ${JSON.stringify(created.counts())}`)
    },
    close() {
      void created.stop(1000)
      db.close()
      if (databasePath === undefined) rmSync(dir, { recursive: true, force: true })
    },
  }
}

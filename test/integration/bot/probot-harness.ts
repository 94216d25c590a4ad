import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import nock from 'nock'
import { Probot, ProbotOctokit } from 'probot'
import { sqliteBackend, type GuardBackend } from '../../../bot/backends.js'
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
  /** A nock scope for GitHub's API that `drain` checks: every request it mocks must have been made. */
  github(): nock.Scope
  /**
   * Waits until every queued job ran, then fails when one did not succeed at once (a job failed, or waits for a
   * retry: the queue keeps it for later, so "idle" alone would hide it), when a request matched no mock, or when a
   * mocked request was never made. Fails too when the jobs take over `timeoutMs`.
   */
  drain(timeoutMs?: number): Promise<void>
  close(): void
}

/** Probot's default API base, the one nock intercepts. */
export const GITHUB_API = 'https://api.github.com'

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
  // The queue's own log says when a job failed or was put back for a retry, whatever table it then lands in.
  const jobTroubles: string[] = []
  const sqlite = sqliteBackend(db, 2)
  const backend: GuardBackend = {
    ...sqlite,
    createQueue: (log) =>
      sqlite.createQueue({
        ...log,
        warn: (event, fields) => (event === 'job.retry' && jobTroubles.push(`${event} ${JSON.stringify(fields)}`), log.warn(event, fields)),
        error: (event, fields) => (event.startsWith('job.') && jobTroubles.push(`${event} ${JSON.stringify(fields)}`), log.error(event, fields)),
      }),
  }
  await probot.load(createGuardApp({ backend, webBaseUrl: 'https://github.com', onQueue: (q) => (queue = q as SqliteJobQueue<BotJob>) }), { cwd: process.cwd(), addHandler: () => undefined })
  if (queue === undefined) throw new Error('the app did not create its queue')
  const created = queue
  // No request leaves the process: one that no mock answers fails its job, and `drain` reports it.
  if (!nock.isActive()) nock.activate()
  nock.disableNetConnect()
  const scopes: nock.Scope[] = []
  const unmatched: string[] = []
  const onNoMatch = (request: { method?: string; path?: string }) => unmatched.push(`${request.method ?? '?'} ${request.path ?? '?'}`)
  nock.emitter.on('no match', onNoMatch)
  return {
    probot,
    queue: created,
    store: new SqliteStore(db),
    databasePath: path,
    github() {
      const scope = nock(GITHUB_API)
      scopes.push(scope)
      return scope
    },
    async drain(timeoutMs = 10_000) {
      if (!(await created.whenIdle(timeoutMs))) throw new Error(`jobs still running after ${timeoutMs} ms: ${JSON.stringify(created.counts())}`)
      if (jobTroubles.length > 0) throw new Error(`jobs did not succeed on their first run: ${jobTroubles.join('; ')}`)
      const leftover = db.prepare('SELECT id, state, attempts, last_error FROM jobs ORDER BY id').all()
      if (leftover.length > 0) throw new Error(`jobs did not succeed on their first run (failed, or waiting for a retry): ${JSON.stringify(leftover)}`)
      if (unmatched.length > 0) throw new Error(`requests matched no mock: ${unmatched.join(', ')}`)
      const pending = scopes.flatMap((scope) => (scope.isDone() ? [] : scope.pendingMocks()))
      if (pending.length > 0) throw new Error(`mocked requests never made: ${pending.join(', ')}`)
    },
    close() {
      nock.emitter.removeListener('no match', onNoMatch)
      nock.cleanAll()
      nock.enableNetConnect()
      // Each test file loads its own nock (ESM modules are per file): unpatch the transport for the next file's copy.
      nock.restore()
      void created.stop(1000)
      db.close()
      if (databasePath === undefined) rmSync(dir, { recursive: true, force: true })
    },
  }
}

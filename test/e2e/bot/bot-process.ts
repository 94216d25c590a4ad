import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { FakeGitHub } from '../../fakes/fake-github/index.js'
import type { TestAppKey } from '../../support/generate-test-app-key.js'
import { freePort } from '../../support/free-port.js'
import { readImageNodeOptions } from '../../support/image-node-options.js'
import { sendWebhook, type WebhookAnswer } from '../../support/webhooks.js'

/** The repository root, found by its package.json: this file also runs compiled, from build/test/e2e/bot/ (the bot benchmark). */
function findRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bot'))) return dir
  throw new Error(`no repository root above ${from}`)
}
const ROOT = findRoot(import.meta.dirname)
/** What `npm start` runs after its `prestart` build. */
const BOT_ENTRY = join(ROOT, 'build/bot/main.js')
/** The heap flags the image runs the bot with; a test's own NODE_OPTIONS come after them (and win where they clash). */
const IMAGE_NODE_OPTIONS = readImageNodeOptions(join(ROOT, 'Dockerfile'))
export const WEBHOOK_SECRET = 'e2e-webhook-secret'

/** The bot as GitHub sees it: a child process, its webhook URL, everything it printed, and its state file. */
export interface BotProcess {
  readonly url: string
  /** The child's process id (the benchmark reads its peak RSS from /proc/<pid>/status). */
  readonly pid: number
  readonly databasePath: string
  /** stdout and stderr so far (searched for raw tokens). */
  output(): string
  deliver(name: string, deliveryId: string, payload: unknown, signature?: 'bad'): Promise<WebhookAnswer>
  stop(): Promise<void>
  /** Kills the process at once (SIGKILL), as a crash would: nothing is flushed or finished. */
  kill(): Promise<void>
}


/**
 * Starts the bot exactly as `npm start` does (the built `bot/main.js` under Node 24) with the image's NODE_OPTIONS,
 * pointed at the fake GitHub with `GHE_HOST`/`GHE_PROTOCOL` (Probot's own e2e pattern, docs/facts.md §6), and waits
 * for `Listening on`.
 */
export async function startBot(gh: FakeGitHub, key: TestAppKey, options: { appId: number; databasePath?: string; env?: Record<string, string> }): Promise<BotProcess> {
  if (!existsSync(BOT_ENTRY)) throw new Error(`${BOT_ENTRY} is missing: run npm run build first (npm start does it in prestart).`)
  const dir = mkdtempSync(join(tmpdir(), 'guard-bot-e2e-'))
  const databasePath = options.databasePath ?? join(dir, 'state.sqlite')
  const port = await freePort()
  let output = ''
  const child: ChildProcess = spawn(process.execPath, [BOT_ENTRY], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      APP_ID: String(options.appId),
      PRIVATE_KEY: key.privateKeyPem,
      WEBHOOK_SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      GHE_HOST: gh.host,
      GHE_PROTOCOL: 'http',
      WEBHOOK_PATH: '/',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
      GUARD_DATABASE_PATH: databasePath,
      ...options.env,
      NODE_OPTIONS: [IMAGE_NODE_OPTIONS, options.env?.['NODE_OPTIONS'] ?? ''].join(' ').trim(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await waitFor(() => output.includes('Listening on'), { timeoutMs: 20_000, what: () => `the bot to listen; it printed:\n${output}`, exited: () => child.exitCode !== null })
  const url = `http://127.0.0.1:${port}/`
  return {
    url,
    pid: child.pid ?? -1,
    databasePath,
    output: () => output,
    deliver: (name, deliveryId, payload, signature) =>
      sendWebhook({ url, secret: WEBHOOK_SECRET, name, deliveryId, payload, ...(signature === undefined ? {} : { signature }) }),
    async kill() {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      if (options.databasePath === undefined) rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Polls `condition` every 20 ms; throws (naming what was awaited) after `timeoutMs`, so no test hangs. */
export async function waitFor(condition: () => boolean, options: { timeoutMs: number; what: () => string; exited?: () => boolean }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs
  while (!condition()) {
    if (options.exited?.() === true) throw new Error(`the process exited while waiting for ${options.what()}`)
    if (Date.now() > deadline) throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${options.what()}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { freePort } from '../../support/free-port.js'

function findRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bot'))) return dir
  throw new Error(`no repository root above ${from}`)
}
export const ROOT = findRoot(import.meta.dirname)
const BOT_ENTRY = join(ROOT, 'build/bot/main.js')

/** A bot process started with exactly the environment given (nothing inherited but PATH), in `cwd`. */
export interface SpawnedBot {
  readonly url: string
  output(): string
  /** The exit code once it exited, else undefined. */
  exitCode(): number | null
  /** Resolves with the exit code, or rejects after `timeoutMs`. */
  exited(timeoutMs: number): Promise<number | null>
  stop(): Promise<void>
}

/** Starts `build/bot/main.js` as `npm start` does, but in `cwd` (where `.env` is read) and without waiting for it. */
export async function spawnBot(options: { cwd?: string; env: Record<string, string>; port?: number }): Promise<SpawnedBot> {
  if (!existsSync(BOT_ENTRY)) throw new Error(`${BOT_ENTRY} is missing: run npm run build first.`)
  const port = options.port ?? (await freePort())
  let output = ''
  const child = spawn(process.execPath, [BOT_ENTRY], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env['PATH'] ?? '', PORT: String(port), HOST: '127.0.0.1', LOG_FORMAT: 'json', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exitCode: () => child.exitCode,
    async exited(timeoutMs) {
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the bot did not exit within ${timeoutMs} ms; it printed:\n${output}`)), timeoutMs)))
      try {
        return await Promise.race([exit, late])
      } finally {
        clearTimeout(timer)
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 5000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}

import { spawn, type ChildProcess } from 'node:child_process'
import { freePort } from './free-port.js'

/** A real redis-server of the machine's (Debian's `redis-server`; `.ci/run` installs it), on a free loopback port. */
export interface RedisServer {
  readonly url: string
  stop(): Promise<void>
}

/**
 * Starts `redis-server` with no persistence, or with an append-only file in `dataDir` (so a restart on the same `port`
 * and directory keeps the data, as a production Redis does); fails (never skips) when the binary is missing or it does
 * not start in 10 s.
 */
export async function startRedisServer(options: { port?: number; dataDir?: string } = {}): Promise<RedisServer> {
  const port = options.port ?? (await freePort())
  const persistence = options.dataDir === undefined ? ['--appendonly', 'no'] : ['--dir', options.dataDir, '--appendonly', 'yes', '--appendfsync', 'always']
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`redis-server could not be started (${error.message}): install Debian's redis-server (.ci/run does).`))
    })
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer)
        resolve()
      }
    })
  })
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
    },
  }
}

import { PassThrough, Readable } from 'node:stream'
import type { CliIo } from '../../../cli/cli-io.js'

/** A writable stream that keeps what was written, optionally pretending to be a terminal. */
export class CapturedStream extends PassThrough {
  text = ''
  isTTY: boolean

  constructor(isTTY = false) {
    super()
    this.isTTY = isTTY
    this.setEncoding('utf8')
    this.on('data', (chunk: string) => {
      this.text += chunk
    })
  }
}

/** CliIo over in-memory streams: `input` is what arrives on stdin. */
export function fakeIo(argv: readonly string[], options: { input?: string; cwd?: string; stdinIsTTY?: boolean } = {}) {
  const stdin = Object.assign(Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]), { isTTY: options.stdinIsTTY ?? false })
  const stdout = new CapturedStream()
  const stderr = new CapturedStream()
  const io: CliIo = { argv, env: {}, cwd: options.cwd ?? process.cwd(), stdin, stdout, stderr, now: () => 0 }
  return { io, stdout, stderr }
}

/**
 * Splits the body of `GET /containers/{id}/logs` into lines. Without a TTY, Docker multiplexes stdout and stderr in
 * frames of an 8-byte header (stream, 0, 0, 0, big-endian length) and a payload; with a TTY the body is raw text.
 */
export function decodeLogLines(body: Buffer): string[] {
  const text = isMultiplexed(body) ? demultiplex(body) : body.toString('utf8')
  const lines = text.split(/\r?\n/)
  if (lines.at(-1) === '') lines.pop()
  return lines
}

function isMultiplexed(body: Buffer): boolean {
  return body.length >= 8 && (body[0] === 1 || body[0] === 2) && body[1] === 0 && body[2] === 0 && body[3] === 0
}

function demultiplex(body: Buffer): string {
  const parts: Buffer[] = []
  let offset = 0
  while (offset + 8 <= body.length) {
    const length = body.readUInt32BE(offset + 4)
    parts.push(body.subarray(offset + 8, offset + 8 + length))
    offset += 8 + length
  }
  return Buffer.concat(parts).toString('utf8')
}

/**
 * The same split for a followed log stream, chunk by chunk: a frame or a line may be cut anywhere between chunks.
 * Whether the stream is multiplexed is decided on its first 8 bytes, as for a whole body.
 */
export class LogLineDecoder {
  private pending: Buffer = Buffer.alloc(0)
  private isFramed: boolean | undefined
  private partialLine = ''
  private readonly text = new TextDecoder('utf-8')

  push(chunk: Buffer): string[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk])
    if (this.isFramed === undefined) {
      if (this.pending.length < 8) return []
      this.isFramed = isMultiplexed(this.pending)
    }
    if (this.isFramed) return this.takeFrames()
    const bytes = this.pending
    this.pending = Buffer.alloc(0)
    return this.takeText(bytes)
  }

  /** What is left when the stream ends: a last line without its newline. */
  end(): string[] {
    const rest = this.isFramed === true ? '' : this.text.decode(this.pending, { stream: true })
    const line = this.partialLine + rest + this.text.decode()
    this.pending = Buffer.alloc(0)
    this.partialLine = ''
    return line === '' ? [] : [line.replace(/\r$/, '')]
  }

  private takeFrames(): string[] {
    const lines: string[] = []
    let offset = 0
    while (offset + 8 <= this.pending.length) {
      const length = this.pending.readUInt32BE(offset + 4)
      if (offset + 8 + length > this.pending.length) break
      lines.push(...this.takeText(this.pending.subarray(offset + 8, offset + 8 + length)))
      offset += 8 + length
    }
    this.pending = this.pending.subarray(offset)
    return lines
  }

  private takeText(bytes: Buffer): string[] {
    const parts = (this.partialLine + this.text.decode(bytes, { stream: true })).split('\n')
    this.partialLine = parts.pop() ?? ''
    return parts.map((line) => line.replace(/\r$/, ''))
  }
}

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

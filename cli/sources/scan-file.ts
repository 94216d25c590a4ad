import { createReadStream } from 'node:fs'
import { TextDecoder } from 'node:util'
import { SNIFF_BYTES, sniffEncoding } from '../../src/scan/decode-bytes.js'
import type { SourceRef } from '../../src/scan/finding.js'
import { createTextScanner } from '../../src/scan/text-scanner.js'
import type { ScanContext } from './scan-context.js'

/** Read size: large enough for throughput, small enough that memory does not grow with the file. */
const CHUNK_BYTES = 64 * 1024

/**
 * Streams one file through the text scanner, never holding it whole. The first chunk decides the encoding: UTF-8,
 * UTF-16 (by BOM) or binary, which is skipped and counted.
 */
export async function scanFile(absolutePath: string, source: SourceRef, context: ScanContext): Promise<void> {
  const stream = createReadStream(absolutePath, { highWaterMark: CHUNK_BYTES })
  let decoder: TextDecoder | undefined
  const scanner = createTextScanner(source, context.sink, context.options)
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (decoder === undefined) {
      const encoding = sniffEncoding(chunk.subarray(0, SNIFF_BYTES))
      if (encoding === 'binary') {
        context.counters.skippedBinary += 1
        return // leaving the loop closes the stream
      }
      decoder = new TextDecoder(encoding)
    }
    context.counters.bytes += chunk.length
    scanner.write(decoder.decode(chunk, { stream: true }))
    context.onProgress()
  }
  if (decoder !== undefined) scanner.write(decoder.decode())
  scanner.end()
  context.counters.files += 1
}

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import { StringDecoder } from 'node:string_decoder'
import { TextDecoder } from 'node:util'
import { SNIFF_BYTES, sniffEncoding, type TextEncodingName } from '../../src/scan/decode-bytes.js'
import type { Finding, ScanOptions } from '../../src/scan/finding.js'
import { createTextScanner } from '../../src/scan/text-scanner.js'

/**
 * Read size. Small on purpose: a string decoded from more than about 64 KiB lands in V8's large-object space,
 * one fresh memory mapping (and its page faults) per chunk, which measured 30 times slower than 32 KiB chunks
 * (`npm run bench:cli`).
 */
const CHUNK_BYTES = 32 * 1024

/**
 * Never follows a symbolic link (git stores its target, not content; a walk must not leave the tree), and never
 * blocks on a FIFO (non-blocking open; the type check below then skips it). One system call less than lstat first.
 */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK

/** One file to scan: where it is, and the path findings name. */
export interface FileJob {
  readonly absolutePath: string
  readonly file: string
}

/**
 * What became of one file: scanned, skipped as binary, not a regular file (a symbolic link, a folder), gone since it
 * was listed, or unreadable (with the error code).
 */
export type FileOutcome = 'scanned' | 'binary' | 'not-a-file' | 'gone' | 'unreadable'

/** The result of scanning one file; plain data, so it crosses from a worker thread unchanged. */
export interface FileResult {
  readonly outcome: FileOutcome
  readonly bytes: number
  readonly findings: Finding[]
  /** For `unreadable`: the file-system error code (EACCES, EIO…). */
  readonly errorCode?: string
}

/** A read buffer per thread, reused for every file it scans. */
let sharedBuffer: Buffer | undefined

/**
 * Reads one file through the text scanner, never holding it whole. The first chunk decides the encoding: UTF-8,
 * UTF-16 (by BOM) or binary, which is skipped. Synchronous on purpose: it runs in a worker thread, where blocking
 * reads cost no other work and avoid a promise per chunk. A file-system error is a result, not a throw, so one
 * unreadable file never ends the scan.
 */
export function scanFile(job: FileJob, options: ScanOptions): FileResult {
  let descriptor: number
  try {
    descriptor = openSync(job.absolutePath, OPEN_FLAGS)
  } catch (error: unknown) {
    return fileError(error)
  }
  try {
    // Only regular files (a symbolic link is git's record of a target, not content; a folder is a submodule).
    if (!fstatSync(descriptor).isFile()) return { outcome: 'not-a-file', bytes: 0, findings: [] }
    return readAndScan(descriptor, job, options)
  } catch (error: unknown) {
    return fileError(error)
  } finally {
    closeSync(descriptor)
  }
}

function readAndScan(descriptor: number, job: FileJob, options: ScanOptions): FileResult {
  sharedBuffer ??= Buffer.allocUnsafe(CHUNK_BYTES)
  const buffer = sharedBuffer
  const findings: Finding[] = []
  const scanner = createTextScanner({ file: job.file }, (finding) => void findings.push(finding), options)
  let decoder: ChunkDecoder | undefined
  let bytes = 0
  for (;;) {
    const read = readSync(descriptor, buffer, 0, buffer.length, null)
    if (read === 0) break
    const chunk = buffer.subarray(0, read)
    if (decoder === undefined) {
      const encoding = sniffEncoding(chunk.subarray(0, SNIFF_BYTES))
      if (encoding === 'binary') return { outcome: 'binary', bytes: 0, findings: [] }
      decoder = createChunkDecoder(encoding)
    }
    bytes += read
    scanner.write(decoder.write(chunk))
  }
  if (decoder !== undefined) scanner.write(decoder.end())
  scanner.end()
  return { outcome: 'scanned', bytes, findings }
}

/** Decodes a file chunk by chunk, keeping a character split between two chunks whole. */
interface ChunkDecoder {
  write(chunk: Buffer): string
  end(): string
}

/**
 * Node's `StringDecoder` (native, UTF-8 and UTF-16LE) decodes about seven times faster than a streaming
 * `TextDecoder`, which measured as most of a tree scan's time; UTF-16BE is rare enough for the slow path.
 * Both replace invalid bytes with U+FFFD, as the tree scan always has.
 */
function createChunkDecoder(encoding: Exclude<TextEncodingName, 'binary'>): ChunkDecoder {
  if (encoding === 'utf-16be') {
    const decoder = new TextDecoder(encoding)
    return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() }
  }
  const decoder = new StringDecoder(encoding === 'utf-8' ? 'utf8' : 'utf16le')
  return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() }
}

function fileError(error: unknown): FileResult {
  const { code, syscall } = error as NodeJS.ErrnoException
  // Only file-system errors (they name a syscall) mean "cannot read"; anything else is a bug, not ours to rename.
  if (syscall === undefined) throw error
  if (code === 'ENOENT' || code === 'ENOTDIR') return { outcome: 'gone', bytes: 0, findings: [] }
  if (code === 'ELOOP') return { outcome: 'not-a-file', bytes: 0, findings: [] } // O_NOFOLLOW on a symbolic link
  return { outcome: 'unreadable', bytes: 0, findings: [], errorCode: code ?? `${syscall} failed` }
}

import { closeSync, fstatSync, lstatSync, openSync, readSync } from 'node:fs'
import { TextDecoder } from 'node:util'
import { SNIFF_BYTES, sniffEncoding } from '../../src/scan/decode-bytes.js'
import type { Finding, ScanOptions } from '../../src/scan/finding.js'
import { createTextScanner } from '../../src/scan/text-scanner.js'

/** Read size: large enough for throughput, small enough that memory does not grow with the file. */
const CHUNK_BYTES = 256 * 1024

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
    // Checked before opening: opening a FIFO would block until something writes to it.
    if (!lstatSync(job.absolutePath).isFile()) return { outcome: 'not-a-file', bytes: 0, findings: [] }
    descriptor = openSync(job.absolutePath, 'r')
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
  let decoder: TextDecoder | undefined
  let bytes = 0
  for (;;) {
    const read = readSync(descriptor, buffer, 0, buffer.length, null)
    if (read === 0) break
    const chunk = buffer.subarray(0, read)
    if (decoder === undefined) {
      const encoding = sniffEncoding(chunk.subarray(0, SNIFF_BYTES))
      if (encoding === 'binary') return { outcome: 'binary', bytes: 0, findings: [] }
      decoder = new TextDecoder(encoding)
    }
    bytes += read
    scanner.write(decoder.decode(chunk, { stream: true }))
  }
  if (decoder !== undefined) scanner.write(decoder.decode())
  scanner.end()
  return { outcome: 'scanned', bytes, findings }
}

function fileError(error: unknown): FileResult {
  const { code, syscall } = error as NodeJS.ErrnoException
  // Only file-system errors (they name a syscall) mean "cannot read"; anything else is a bug, not ours to rename.
  if (syscall === undefined) throw error
  if (code === 'ENOENT' || code === 'ENOTDIR') return { outcome: 'gone', bytes: 0, findings: [] }
  return { outcome: 'unreadable', bytes: 0, findings: [], errorCode: code ?? `${syscall} failed` }
}

/** How a file's bytes are to be decoded, or that it is binary and skipped. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'binary'

/** How many leading bytes `sniffEncoding` needs to decide (git uses the same 8000-byte window). */
export const SNIFF_BYTES = 8000

/**
 * Decides from a file's first bytes. A BOM names the encoding: PowerShell 5 writes UTF-16LE with one, so those
 * files are decoded rather than skipped as binary. Otherwise a NUL byte means binary, decided by content rather
 * than by file name.
 */
export function sniffEncoding(head: Uint8Array): TextEncodingName {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be'
  const window = head.subarray(0, SNIFF_BYTES)
  return window.includes(0) ? 'binary' : 'utf-8'
}

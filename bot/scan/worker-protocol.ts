import type { FileScanResult, FileScanTask } from './file-scan.js'

/** What a scanning thread is asked. */
export type ScanRequestBody =
  | { readonly kind: 'filter'; readonly ignorePaths: readonly string[]; readonly paths: readonly string[] }
  | { readonly kind: 'scan'; readonly task: FileScanTask }

/** Messages to a scanning thread. */
export type ScanRequest = ScanRequestBody & { readonly id: number }

/** Its answers. An error travels as its message (redacted by the pool before it is shown). */
export type ScanResponse =
  | { readonly id: number; readonly ok: true; readonly included?: boolean[]; readonly result?: FileScanResult }
  | { readonly id: number; readonly ok: false; readonly message: string }

import { filterPathsTask, scanFileTask, type FileScanResult, type FileScanTask } from './file-scan.js'

/**
 * Where the bot's scanning runs. In the process for tests and tools; on worker threads when the bot serves webhooks
 * (`createWorkerScanner`), so a file or a glob that costs seconds never holds the event loop, and a time budget can
 * stop it.
 */
export interface FileScanner {
  /** True for each path the configuration's globs leave to be scanned. */
  filterPaths(ignorePaths: readonly string[], paths: readonly string[], options: { budgetMs: number }): Promise<boolean[]>
  scanFile(task: FileScanTask, options: { budgetMs: number }): Promise<FileScanResult>
  close(): Promise<void>
}

/** Scanning on the calling thread: no budget can stop it; for tests and integration harnesses only. */
export const inProcessScanner: FileScanner = {
  filterPaths: async (ignorePaths, paths) => filterPathsTask(ignorePaths, paths),
  scanFile: async (task) => scanFileTask(task),
  close: async () => undefined,
}

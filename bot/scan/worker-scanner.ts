import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { ScanBudgetError, ScanFailedError } from '../../src/errors.js'
import { redactTokenShapes } from '../../src/tokens/redact-token-shapes.js'
import type { FileScanResult, FileScanTask } from './file-scan.js'
import type { FileScanner } from './file-scanner.js'
import type { ScanRequest, ScanRequestBody, ScanResponse } from './worker-protocol.js'

/** A scanning thread may use this much heap: a hostile file fails its own scan, not the bot (Node's `resourceLimits`). */
const WORKER_HEAP_MB = 512

type Work = { readonly request: ScanRequest; readonly budgetMs: number; readonly what: string; resolve(response: ScanResponse): void; reject(error: Error): void }
interface Slot {
  worker: Worker
  work?: Work
  timer?: NodeJS.Timeout
}

/**
 * A pool of scanning threads. Requests wait in one queue (first come, first served across repositories); each runs
 * on a free thread with a time budget counted from when it starts. A request past its budget has its thread ended
 * (the only way to stop a running regular expression) and a fresh thread takes its place, so the event loop, and
 * with it the webhook and health endpoints, never waits on a scan.
 */
export function createWorkerScanner(options: { threads?: number } = {}): FileScanner {
  const threads = options.threads ?? Math.max(2, Math.min(4, availableParallelism()))
  const queue: Work[] = []
  let nextId = 1
  let closed = false

  /**
   * Starts a thread for `slot` (a new slot, or one whose thread was ended). Its listeners settle the work of that same
   * slot object, the one `pump` gives work to: a replacement thread must answer for its slot, or the slot would stay
   * busy forever after its first overrun.
   */
  const startThread = (slot: Partial<Slot>): Slot => {
    const worker = new Worker(new URL('./scan-worker.js', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } })
    worker.unref()
    const started = Object.assign(slot, { worker })
    worker.on('message', (response: ScanResponse) => finish(started, (work) => work.resolve(response)))
    worker.on('error', (error: Error) => replace(started, (work) => work.reject(ScanFailedError.forWork(work.what, redactTokenShapes(error.message)))))
    return started
  }
  const slots: Slot[] = Array.from({ length: threads }, () => startThread({}))

  function finish(slot: Slot, settle: (work: Work) => void): void {
    const work = slot.work
    clearTimeout(slot.timer)
    delete slot.work
    if (work !== undefined) settle(work)
    pump()
  }

  function replace(slot: Slot, settle: (work: Work) => void): void {
    const old = slot.worker
    old.removeAllListeners()
    void old.terminate()
    if (!closed) startThread(slot)
    finish(slot, settle)
  }

  function pump(): void {
    for (const slot of slots) {
      if (slot.work !== undefined) continue
      const work = queue.shift()
      if (work === undefined) return
      slot.work = work
      slot.timer = setTimeout(() => replace(slot, (w) => w.reject(ScanBudgetError.forWork(w.what, w.budgetMs))), work.budgetMs)
      // A blob's bytes are moved to the thread, not copied (the caller does not read them again).
      const bytes = work.request.kind === 'scan' ? work.request.task.bytes : undefined
      const movable = bytes !== undefined && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
      slot.worker.postMessage(work.request, movable ? [bytes.buffer as ArrayBuffer] : [])
    }
  }

  function run(request: ScanRequestBody, budgetMs: number, what: string): Promise<ScanResponse> {
    if (closed) return Promise.reject(ScanFailedError.forWork(what, 'the bot is shutting down'))
    return new Promise((resolve, reject) => {
      queue.push({ request: { ...request, id: nextId++ }, budgetMs: Math.max(1, budgetMs), what, resolve, reject })
      pump()
    })
  }

  const unwrap = (response: ScanResponse, what: string): ScanResponse & { ok: true } => {
    if (!response.ok) throw ScanFailedError.forWork(what, redactTokenShapes(response.message))
    return response
  }

  return {
    async filterPaths(ignorePaths, paths, { budgetMs }) {
      const what = `the paths of ${paths.length} files against ${ignorePaths.length} ignore-paths globs`
      if (ignorePaths.length === 0) return paths.map(() => true)
      return unwrap(await run({ kind: 'filter', ignorePaths, paths }, budgetMs, what), what).included ?? []
    },
    async scanFile(task: FileScanTask, { budgetMs }): Promise<FileScanResult> {
      const what = redactTokenShapes(task.path)
      const response = unwrap(await run({ kind: 'scan', task }, budgetMs, what), what)
      return response.result ?? { findings: [], dropped: 0, binary: false }
    },
    async close() {
      closed = true
      for (const work of queue.splice(0)) work.reject(ScanFailedError.forWork(work.what, 'the bot is shutting down'))
      await Promise.all(slots.map((slot) => slot.worker.terminate()))
    },
  }
}

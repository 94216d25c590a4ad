import { availableParallelism } from 'node:os'
import { Worker, parentPort, workerData } from 'node:worker_threads'
import type { ScanOptions } from '../../src/scan/finding.js'
import { type FileJob, type FileResult, scanFile } from './scan-file.js'

/** Marks a worker started by the pool, so the CLI's entry file knows to serve scans instead of running a command. */
const WORKER_ROLE = 'localstack-guard-scan-worker'

/** Files handed to one worker before it answers: enough to keep it busy while answers travel back. */
const JOBS_IN_FLIGHT_PER_WORKER = 8

/** Scans files, in worker threads when it can. */
export interface ScanPool {
  scan(job: FileJob): Promise<FileResult>
  close(): Promise<void>
}

/** How to build the pool. */
export interface ScanPoolSettings {
  /** The CLI's entry file, run again as each worker; without it files are scanned on the calling thread. */
  readonly entryScript: string | undefined
  readonly options: ScanOptions
  /** Worker threads; defaults to one per core the process may use. */
  readonly threads?: number
}

interface WorkerRequest {
  readonly id: number
  readonly job: FileJob
}

interface WorkerReply {
  readonly id: number
  readonly result?: FileResult
  readonly failure?: string
}

/**
 * Reading and scanning a file is independent of every other file, so a tree scan spreads files over one worker
 * thread per core: the main thread only lists paths and collects results. Each worker reads with blocking calls
 * and reuses one buffer, so memory does not grow with the tree.
 */
export function createScanPool(settings: ScanPoolSettings): ScanPool {
  const threads = settings.threads ?? availableParallelism()
  if (settings.entryScript === undefined || threads < 1) return inlinePool(settings.options)
  const workers = Array.from({ length: threads }, () => new PoolWorker(settings.entryScript ?? '', settings.options))
  return {
    scan(job) {
      const idle = workers.reduce((best, worker) => (worker.load < best.load ? worker : best))
      return idle.scan(job)
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()))
    },
  }
}

/** How many jobs the pool accepts at once before the caller should wait for one to finish. */
export function poolCapacity(threads = availableParallelism()): number {
  return Math.max(1, threads) * JOBS_IN_FLIGHT_PER_WORKER
}

function inlinePool(options: ScanOptions): ScanPool {
  return { scan: (job) => Promise.resolve(scanFile(job, options)), close: () => Promise.resolve() }
}

class PoolWorker {
  private readonly worker: Worker
  private readonly waiting = new Map<number, { resolve: (result: FileResult) => void; reject: (error: Error) => void }>()
  private nextId = 0

  constructor(entryScript: string, options: ScanOptions) {
    this.worker = new Worker(entryScript, { workerData: { role: WORKER_ROLE, options }, stdout: false, stderr: false })
    this.worker.on('message', (reply: WorkerReply) => this.settle(reply))
    this.worker.on('error', (error) => this.failAll(error))
    this.worker.on('exit', (code) => this.failAll(new Error(`a scan worker exited with code ${code}`)))
  }

  get load(): number {
    return this.waiting.size
  }

  scan(job: FileJob): Promise<FileResult> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      this.worker.postMessage({ id, job } satisfies WorkerRequest)
    })
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit')
    await this.worker.terminate()
  }

  private settle(reply: WorkerReply): void {
    const waiter = this.waiting.get(reply.id)
    this.waiting.delete(reply.id)
    if (reply.result !== undefined) waiter?.resolve(reply.result)
    else waiter?.reject(new Error(reply.failure ?? 'the scan worker gave no result'))
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error)
    this.waiting.clear()
  }
}

/** True in a thread the pool started: the entry file then serves scans instead of running the CLI. */
export function isScanWorker(): boolean {
  return parentPort !== null && (workerData as { role?: string } | null)?.role === WORKER_ROLE
}

/** The worker side: scans each file it is sent and answers with the result. */
export function serveScanWorker(): void {
  const port = parentPort
  if (port === null) return
  const { options } = workerData as { options: ScanOptions }
  port.on('message', (request: WorkerRequest) => {
    try {
      port.postMessage({ id: request.id, result: scanFile(request.job, options) } satisfies WorkerReply)
    } catch (error: unknown) {
      port.postMessage({ id: request.id, failure: error instanceof Error ? error.message : String(error) } satisfies WorkerReply)
    }
  })
}

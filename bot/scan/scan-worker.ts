import { parentPort } from 'node:worker_threads'
import { filterPathsTask, scanFileTask } from './file-scan.js'
import type { ScanRequest, ScanResponse } from './worker-protocol.js'

/** A scanning thread: answers one request at a time; the pool ends the thread when a request overruns its budget. */
parentPort?.on('message', (request: ScanRequest) => {
  let response: ScanResponse
  try {
    response =
      request.kind === 'filter'
        ? { id: request.id, ok: true, included: filterPathsTask(request.ignorePaths, request.paths) }
        : { id: request.id, ok: true, result: scanFileTask(request.task) }
  } catch (thrown: unknown) {
    response = { id: request.id, ok: false, message: thrown instanceof Error ? thrown.message : String(thrown) }
  }
  parentPort?.postMessage(response)
})

#!/usr/bin/env node
// Do not add any logic to this file: it is the only place that touches `process` (docs/style.md §1, §2.3). It is also the scan worker threads' entry (cli/sources/scan-pool.ts).
import { isScanWorker, run, serveScanWorker } from './run.js'
const io = { argv: process.argv.slice(2), env: process.env, cwd: process.cwd(), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, entryScript: process.argv[1] }
if (isScanWorker()) serveScanWorker(); else void run(io).then((exitCode) => { process.exitCode = exitCode })

#!/usr/bin/env node
// Do not add any logic to this file: it is the only place that touches `process` (STYLE.md §1, §2.3).
import { run } from './run.js'
const io = { argv: process.argv.slice(2), env: process.env, cwd: process.cwd(), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }
void run(io).then((exitCode) => { process.exitCode = exitCode })

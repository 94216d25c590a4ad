/**
 * `npm run bench`: the scanner's throughput against a single pass of the bare token regex over the same string, and
 * its memory, on a synthetic corpus with a known number of planted tokens.
 * Goals on the 2-core reference machine: >= 250 MB/s, ratio >= 0.4, scan working set independent of corpus size.
 */
import { createTextScanner } from '../../src/scan/text-scanner.js'
import type { Finding } from '../../src/scan/finding.js'
import { buildCorpus } from './synthetic-corpus.js'

const MB = 1024 * 1024
const CHUNK_CHARS = 1 * MB
/** The grammar's regex as LocalStack writes it (unanchored): the baseline every scanner pays at least. */
const BARE_TOKEN_REGEX = 'ls[a-zA-Z]*-[a-zA-Z]{4}[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{12}'
const ROUNDS = 3

function bareRegexPass(text: string): { seconds: number; matches: number } {
  const pattern = new RegExp(BARE_TOKEN_REGEX, 'g')
  const started = performance.now()
  let matches = 0
  while (pattern.exec(text) !== null) matches++
  return { seconds: (performance.now() - started) / 1000, matches }
}

function scannerPass(text: string): { seconds: number; findings: Finding[]; workingSetBytes: number } {
  const findings: Finding[] = []
  const rssBefore = process.memoryUsage.rss()
  let rssPeak = rssBefore
  const started = performance.now()
  const scanner = createTextScanner({ file: 'corpus.txt' }, (finding) => findings.push(finding))
  for (let offset = 0; offset < text.length; offset += CHUNK_CHARS) {
    scanner.write(text.slice(offset, offset + CHUNK_CHARS))
    if ((offset / CHUNK_CHARS) % 8 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage.rss())
  }
  scanner.end()
  const seconds = (performance.now() - started) / 1000
  return { seconds, findings, workingSetBytes: Math.max(rssPeak, process.memoryUsage.rss()) - rssBefore }
}

function gc(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

function measure(targetBytes: number): void {
  gc()
  const corpus = buildCorpus(targetBytes)
  const megabytes = corpus.text.length / MB
  let bestBare = Infinity
  let bestScan = Infinity
  let workingSet = 0
  let found: Finding[] = []
  for (let round = 0; round < ROUNDS; round++) {
    gc()
    bestBare = Math.min(bestBare, bareRegexPass(corpus.text).seconds)
    gc()
    const scan = scannerPass(corpus.text)
    bestScan = Math.min(bestScan, scan.seconds)
    workingSet = Math.max(workingSet, scan.workingSetBytes)
    found = scan.findings
  }
  const leaks = found.filter((f) => f.category === 'leak')
  const tokens = leaks.filter((f) => f.kind !== 'legacy-key').length
  const legacy = leaks.filter((f) => f.kind === 'legacy-key').length
  const scanRate = megabytes / bestScan
  const bareRate = megabytes / bestBare
  console.log(`corpus            ${megabytes.toFixed(1)} MB, planted ${corpus.plantedTokens} tokens + ${corpus.plantedLegacyKeys} legacy keys`)
  console.log(`found             ${tokens} tokens + ${legacy} legacy keys ${tokens === corpus.plantedTokens && legacy === corpus.plantedLegacyKeys ? '(all, no extra)' : '(MISMATCH)'}`)
  console.log(`scanner           ${scanRate.toFixed(0)} MB/s (best of ${ROUNDS})`)
  console.log(`bare token regex  ${bareRate.toFixed(0)} MB/s (best of ${ROUNDS})`)
  console.log(`ratio             ${(scanRate / bareRate).toFixed(2)} (goal >= 0.40; scanner goal >= 250 MB/s)`)
  console.log(`scan working set  ${(workingSet / MB).toFixed(1)} MB above the corpus (peak RSS during the scan minus RSS before it)`)
  if (tokens !== corpus.plantedTokens || legacy !== corpus.plantedLegacyKeys) process.exitCode = 1
}

console.log(`node ${process.version}, ${process.arch}`)
for (const size of [50 * MB, 100 * MB]) {
  measure(size)
  console.log('')
}
console.log(`peak RSS          ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (whole process, corpus construction included)`)

import { dedupeFindings } from '../../../src/push/dedupe-findings.js'
import type { Finding } from '../../../src/scan/finding.js'

const head = 'h'.repeat(40)
const finding = (commit: string, line = 3): Finding => ({ category: 'leak', kind: 'ci-token', file: 'a.env', line, column: 1, commit, redacted: 'r', fingerprint: 'sha256:x' })

describe('dedupeFindings', () => {
  it('keeps the commit that introduced a place over the head commit of the net diff', () => {
    expect(dedupeFindings([finding(head), finding('c'.repeat(40))], head)).toEqual([finding('c'.repeat(40))])
  })

  it('keeps the first introducing commit, and distinct places apart', () => {
    const first = finding('a'.repeat(40))
    expect(dedupeFindings([first, finding('b'.repeat(40)), finding(head, 9)], head)).toEqual([first, finding(head, 9)])
  })
})

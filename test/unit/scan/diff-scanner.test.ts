import { createDiffScanner, scanPatch, type Finding } from '../../../src/scan/index.js'
import { fingerprintToken } from '../../../src/tokens/index.js'
import { generateToken } from '../../support/generate-token.js'

function scanDiff(diff: string, options: Parameters<typeof createDiffScanner>[1] = {}): Finding[] {
  const findings: Finding[] = []
  const scanner = createDiffScanner((f) => findings.push(f), options)
  for (let i = 0; i < diff.length; i += 13) scanner.write(diff.slice(i, i + 13))
  scanner.end()
  return findings
}

describe('scanPatch (a GitHub file patch)', () => {
  it('scans added lines only, with the new file line numbers', () => {
    const added = generateToken('lsci-')
    const removed = generateToken('ls-')
    const patch = ['@@ -1,2 +1,2 @@', ' unchanged', `-OLD=${removed}`, `+NEW=${added}`, '@@ -40 +40,2 @@', '+fine', `+AGAIN=${added}`].join('\n')
    const findings = scanPatch(patch, { file: 'a.env', commit: 'abc123' })
    expect(findings.map((f) => [f.line, f.column, f.commit, f.fingerprint])).toEqual([
      [2, 5, 'abc123', fingerprintToken(added)],
      [41, 7, 'abc123', fingerprintToken(added)],
    ])
  })
})

describe('createDiffScanner (git log -p --cc output)', () => {
  const commitA = 'a'.repeat(40)
  const merge = 'b'.repeat(40)

  it('attributes findings to their commit and file, across commits', () => {
    const t1 = generateToken('lsci-')
    const t2 = generateToken('ls-')
    const diff = [
      `commit ${commitA}`,
      '',
      'diff --git a/one.env b/one.env',
      'new file mode 100644',
      'index 0000000..1111111',
      '--- /dev/null',
      '+++ b/one.env',
      '@@ -0,0 +1,2 @@',
      '+A=1',
      `+TOKEN=${t1}`,
      `commit ${'c'.repeat(40)}`,
      '',
      'diff --git a/one.env b/one.env',
      '--- a/one.env',
      '+++ b/one.env',
      '@@ -2 +1,0 @@',
      `-TOKEN=${t1}`,
      'diff --git "a/caf\\303\\251.txt" "b/caf\\303\\251.txt"',
      '--- /dev/null',
      '+++ "b/caf\\303\\251.txt"',
      '@@ -0,0 +7 @@',
      `++++${t2}`,
      '',
    ].join('\n')
    expect(scanDiff(diff).map((f) => [f.commit?.[0], f.file, f.line, f.column])).toEqual([
      ['a', 'one.env', 2, 7],
      ['c', 'café.txt', 7, 4],
    ])
  })

  it('scans what a merge commit adds against all parents (a conflict resolution), not what it takes from one', () => {
    const resolution = generateToken('lsci-')
    const fromParent = generateToken('ls-')
    const diff = [
      `commit ${merge}`,
      '',
      'diff --cc config.env',
      'index 1111111,2222222..3333333',
      '--- a/config.env',
      '+++ b/config.env',
      '@@@ -1,1 -1,1 +1,2 @@@',
      '- A=one',
      ' -A=two',
      `++A=${resolution}`,
      ` +B=${fromParent}`,
    ].join('\n')
    expect(scanDiff(diff)).toMatchObject([{ commit: merge, file: 'config.env', line: 1, column: 3, fingerprint: fingerprintToken(resolution) }])
  })

  it('skips deleted files and files the path filter excludes', () => {
    const token = generateToken('lsci-')
    const diff = [
      'diff --git a/gone.env b/gone.env',
      'deleted file mode 100644',
      '--- a/gone.env',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      `-T=${token}`,
      'diff --git a/vendor/x.txt b/vendor/x.txt',
      '--- /dev/null',
      '+++ b/vendor/x.txt',
      '@@ -0,0 +1 @@',
      `+T=${token}`,
    ].join('\n')
    expect(scanDiff(diff, { isPathIncluded: (path) => !path.startsWith('vendor/') })).toEqual([])
  })

  it('reads a line added with content that looks like a header as content', () => {
    const token = generateToken('lsci-')
    const diff = ['diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -0,0 +1,2 @@', '+++ not a header', `+${token}`].join('\n')
    expect(scanDiff(diff)).toMatchObject([{ file: 'x', line: 2 }])
  })
})

describe('createDiffScanner on long lines', () => {
  /** Feeds a one-file diff whose only added line is `lineChars` long, in 16 KiB chunks; returns the milliseconds. */
  function scanOneLongLine(lineChars: number, token: string): { ms: number; findings: Finding[] } {
    const header = ['commit ' + 'a'.repeat(40), 'diff --git a/big.txt b/big.txt', 'new file mode 100644', '--- /dev/null', '+++ b/big.txt', '@@ -0,0 +1 @@', '+'].join('\n')
    const filler = 'x '.repeat(8 * 1024)
    const findings: Finding[] = []
    const scanner = createDiffScanner((f) => findings.push(f))
    const started = performance.now()
    scanner.write(header)
    for (let written = 0; written < lineChars; written += filler.length) scanner.write(filler)
    scanner.write(` ${token}\n`)
    scanner.end()
    return { ms: performance.now() - started, findings }
  }

  it('finds a token at the end of a multi-megabyte single line, in time linear in the line length', () => {
    const token = generateToken('lsci-')
    scanOneLongLine(1024 * 1024, token) // warm-up: compile the regexes before measuring
    // The fastest of several runs of each size: other processes on the machine only ever add time.
    const fastest = (chars: number): number => Math.min(...Array.from({ length: 5 }, () => scanOneLongLine(chars, token).ms))
    const smallMs = fastest(1024 * 1024)
    const largeMs = fastest(8 * 1024 * 1024)
    expect(scanOneLongLine(8 * 1024 * 1024, token).findings).toMatchObject([{ file: 'big.txt', line: 1, fingerprint: fingerprintToken(token) }])
    // Eight times the input: linear work takes about 8 times as long, the old quadratic carry about 64 times.
    expect(largeMs / smallMs).toBeLessThan(24)
  })

  it('reports a token in a new file name at line 0, once, through the name sink', () => {
    const token = generateToken('lsci-')
    const names: Finding[] = []
    const diff = [`commit ${'a'.repeat(40)}`, `diff --git a/keys/${token}.txt b/keys/${token}.txt`, 'new file mode 100644', '--- /dev/null', `+++ b/keys/${token}.txt`, '@@ -0,0 +1 @@', '+hello', `commit ${'b'.repeat(40)}`, `diff --git a/keys/${token}.txt b/keys/${token}.txt`, `--- a/keys/${token}.txt`, `+++ b/keys/${token}.txt`, '@@ -1 +1 @@', '-hello', '+bye', ''].join('\n')
    const findings = scanDiff(diff, { nameSink: (f) => names.push(f) })
    expect(findings).toEqual([])
    expect(names).toMatchObject([{ category: 'leak', line: 0, commit: 'a'.repeat(40), fingerprint: fingerprintToken(token) }])
  })
})

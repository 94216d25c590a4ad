import { generateToken } from '../../support/generate-token.js'
import { formatBytes, formatText, summarize } from '../../../cli/format-text.js'
import { makeFinding, scanPlantedSecrets } from './findings-fixture.js'

const STATS = { files: 1234, bytes: 3_400_000, skippedBinary: 2, skippedUnreadable: 0, durationMs: 250 }

describe('formatText', () => {
  it('prints path:line:column, kind, redaction and a short fingerprint per finding', () => {
    const output = formatText({ findings: [makeFinding()], stats: STATS })

    expect(output.split('\n')[0]).toBe('src/config.ts:3:17  ci-token  lsci-AbCd****-****-****-****-************  sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef')
  })

  it('names the commit of a history finding', () => {
    const output = formatText({ findings: [makeFinding({ commit: 'c0ffee'.repeat(6) + 'beef' })], stats: { ...STATS, commits: 3 } })

    expect(output.split('\n')[0]).toMatch(/ {2}commit c0ffeec0ffee$/)
  })

  it('ends with a summary of leaks, migration findings and what was scanned', () => {
    const report = { findings: [makeFinding(), makeFinding({ category: 'migration', kind: 'legacy-key-reference' })], stats: STATS }

    expect(summarize(report)).toBe('localstack-guard: 1 leak, 1 migration finding in 1,234 files (3.4 MB, 2 binary files skipped), 0.3 s.')
    expect(formatText(report)).toContain('Rotate every leaked token')
    expect(formatText(report)).toContain('Migrate LOCALSTACK_API_KEY to LOCALSTACK_AUTH_TOKEN')
  })

  it('says no leaks, and counts commits and file diffs for a history scan', () => {
    expect(formatText({ findings: [], stats: { files: 7, bytes: 999, commits: 1, skippedBinary: 0, skippedUnreadable: 0, durationMs: 40 } })).toBe(
      'localstack-guard: no leaks in 1 commit (7 file diffs, 999 B), 0.0 s.\n',
    )
  })

  it('never contains a raw token', () => {
    const { secrets, findings } = scanPlantedSecrets()

    const output = formatText({ findings, stats: STATS })

    for (const secret of secrets) expect(output).not.toContain(secret)
  })

  it('formats sizes in powers of 1000', () => {
    expect([formatBytes(0), formatBytes(1500), formatBytes(2_000_000), formatBytes(5e12)]).toEqual(['0 B', '1.5 KB', '2.0 MB', '5.0 TB'])
  })

  it('escapes control characters and redacts token shapes in paths, and marks a finding in a file name', () => {
    const token = generateToken('lsci-')
    const output = formatText({ findings: [makeFinding({ file: `a\u001b[2J\n# URGENT/${token}.txt`, line: 0 })], stats: STATS })

    expect(output).not.toContain(token)
    expect(output).not.toContain('\u001b')
    expect(output.split('\n')[0]).toMatch(/^a\\x1b\[2J\\x0a# URGENT\/lsci-\w{4}\*{4}-.* \(in the file name\) {2}ci-token /)
  })
})

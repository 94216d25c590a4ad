import { formatJson } from '../../../cli/format-json.js'
import type { ScanReport } from '../../../cli/scan-report.js'
import type { Finding } from '../../../src/scan/finding.js'
import { makeFinding, scanPlantedSecrets } from './findings-fixture.js'

const STATS = { files: 2, bytes: 300, skippedBinary: 1, skippedUnreadable: 0, durationMs: 12 }

describe('formatJson', () => {
  it('prints the findings and stats of docs/design.md, fields in the documented order', () => {
    const report: ScanReport = { findings: [makeFinding({ commit: 'b'.repeat(40) })], stats: { ...STATS, commits: 4 } }

    const parsed = JSON.parse(formatJson(report)) as { findings: Record<string, unknown>[]; stats: Record<string, unknown> }

    expect(Object.keys(parsed)).toEqual(['findings', 'stats'])
    expect(Object.keys(parsed.findings[0] ?? {})).toEqual(['category', 'kind', 'file', 'line', 'column', 'commit', 'redacted', 'fingerprint'])
    expect(parsed.findings[0]).toEqual({ ...makeFinding(), commit: 'b'.repeat(40) })
    expect(parsed.stats).toEqual({ files: 2, bytes: 300, commits: 4, skippedBinary: 1, skippedUnreadable: 0, durationMs: 12 })
  })

  it('omits commit and stats.commits for a working-tree scan', () => {
    const parsed = JSON.parse(formatJson({ findings: [makeFinding()], stats: STATS })) as { findings: object[]; stats: object }

    expect(parsed.findings[0]).not.toHaveProperty('commit')
    expect(parsed.stats).not.toHaveProperty('commits')
  })

  it('copies only the documented fields, whatever else a finding carries', () => {
    const withExtra = { ...makeFinding(), token: 'must-not-appear' } as Finding

    expect(formatJson({ findings: [withExtra], stats: STATS })).not.toContain('must-not-appear')
  })

  it('prints an empty list when nothing was found', () => {
    expect(JSON.parse(formatJson({ findings: [], stats: STATS }))).toEqual({ findings: [], stats: STATS })
  })

  it('never contains a raw token, only redactions and sha256 fingerprints', () => {
    const { secrets, findings } = scanPlantedSecrets()

    const output = formatJson({ findings, stats: STATS })

    for (const secret of secrets) expect(output).not.toContain(secret)
    const parsed = JSON.parse(output) as { findings: Finding[] }
    expect(parsed.findings.map((finding) => finding.kind)).toEqual(['ci-token', 'developer-token', 'auth-token', 'legacy-key', 'legacy-key-reference'])
    for (const finding of parsed.findings) expect(finding.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/)
  })
})

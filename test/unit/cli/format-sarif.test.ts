import { generateToken } from '../../support/generate-token.js'
import { formatSarif, partialFingerprint } from '../../../cli/format-sarif.js'
import { CLI_VERSION } from '../../../cli/version.js'
import { validateSarif } from '../../support/sarif-schema.js'
import { makeFinding, scanPlantedSecrets } from './findings-fixture.js'

const STATS = { files: 1, bytes: 10, skippedBinary: 0, skippedUnreadable: 0, durationMs: 1 }

interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: string
  message: { text: string }
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[]
  partialFingerprints: Record<string, string>
  properties: Record<string, string>
}

interface SarifRule {
  id: string
  properties: { tags: string[]; 'security-severity'?: string }
  help: { text: string }
}

interface SarifLog {
  version: string
  runs: { tool: { driver: { name: string; version: string; rules: SarifRule[] } }; results: SarifResult[] }[]
}

function parse(output: string): { log: SarifLog; run: SarifLog['runs'][number] } {
  const log = JSON.parse(output) as SarifLog
  const run = log.runs[0]
  if (run === undefined) throw new Error('no run')
  return { log, run }
}

describe('formatSarif', () => {
  it('validates against the SARIF 2.1.0 schema, with findings of every kind', () => {
    const { findings } = scanPlantedSecrets()

    expect(validateSarif(JSON.parse(formatSarif({ findings, stats: STATS })))).toEqual([])
  })

  it('has a schema check that rejects a broken log (so the validation above means something)', () => {
    const log = JSON.parse(formatSarif({ findings: [makeFinding({ column: 0 })], stats: STATS })) as { version: string }

    expect(validateSarif({ ...log, version: '2.0.0' }).length).toBeGreaterThan(0)
    expect(validateSarif(log).join('\n')).toMatch(/startColumn/)
  })

  it('reports a token in a file name on the file, with no region, and never puts the token in the URI', () => {
    const token = generateToken('lsci-')
    const text = formatSarif({ findings: [makeFinding({ line: 0, file: `keys/${token}.txt` })], stats: STATS })

    expect(validateSarif(JSON.parse(text))).toEqual([])
    expect(text).not.toContain(token)
    expect(text).not.toContain('region')
    expect(text).toContain('in the file name')
  })

  it('validates against the schema with no findings', () => {
    expect(validateSarif(JSON.parse(formatSarif({ findings: [], stats: STATS })))).toEqual([])
  })

  it('never contains a raw token: no snippet, and messages hold the kind and the redaction only', () => {
    const { secrets, findings } = scanPlantedSecrets()

    const output = formatSarif({ findings, stats: STATS })

    for (const secret of secrets) expect(output).not.toContain(secret)
    expect(output).not.toContain('snippet')
    const { run } = parse(output)
    expect(run.results[0]?.message.text).toMatch(/^LocalStack CI Auth Token lsci-\w{4}\*{4}-/)
  })

  it('describes one rule per kind, with a security severity and remediation for leaks', () => {
    const { log, run } = parse(formatSarif({ findings: [], stats: STATS }))

    expect(log.version).toBe('2.1.0')
    expect(run.tool.driver).toMatchObject({ name: 'localstack-guard', version: CLI_VERSION })
    const byId = new Map(run.tool.driver.rules.map((rule) => [rule.id, rule]))
    expect([...byId.keys()]).toEqual(['localstack/ci-token', 'localstack/developer-token', 'localstack/auth-token', 'localstack/legacy-key', 'localstack/legacy-key-reference'])
    expect(byId.get('localstack/ci-token')?.properties).toMatchObject({ 'security-severity': '9.0', tags: expect.arrayContaining(['security']) as unknown })
    expect(byId.get('localstack/ci-token')?.help.text).toMatch(/Rotate the token/)
    expect(byId.get('localstack/legacy-key-reference')?.properties).not.toHaveProperty('security-severity')
  })

  it('reports a leak as an error and a migration finding as a note, located relative to %SRCROOT%', () => {
    const { findings } = scanPlantedSecrets()

    const { run } = parse(formatSarif({ findings, stats: STATS }))

    expect(run.results.map((result) => result.level)).toEqual(['error', 'error', 'error', 'error', 'note'])
    const first = run.results[0]
    expect(first?.ruleId).toBe('localstack/ci-token')
    expect(first?.ruleIndex).toBe(0)
    expect(first?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'deploy/dir%20with%20space/.env', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 23 },
    })
    expect(first?.properties).toEqual({ fingerprint: findings[0]?.fingerprint, commit: 'a'.repeat(40) })
    expect(first?.message.text).toContain(`in commit ${'a'.repeat(40)}`)
  })

  it('gives a result a partial fingerprint that survives a line move but differs per file', () => {
    const here = makeFinding({ line: 3 })
    const moved = makeFinding({ line: 90, column: 1 })
    const elsewhere = makeFinding({ file: 'other.ts' })

    const fingerprints = parse(formatSarif({ findings: [here, moved, elsewhere], stats: STATS })).run.results.map(
      (result) => result.partialFingerprints['localstackGuard/v1'],
    )

    expect(fingerprints[0]).toBe(partialFingerprint(here))
    expect(fingerprints[1]).toBe(fingerprints[0])
    expect(fingerprints[2]).not.toBe(fingerprints[0])
    expect(fingerprints[0]).toMatch(/^[0-9a-f]{64}$/)
  })
})

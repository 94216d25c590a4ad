import { InvalidConfigError } from '../../../src/errors.js'
import { applyGuardConfig, configuredScan, createPathFilter, DEFAULT_GUARD_CONFIG, parseGuardConfig } from '../../../src/scan/index.js'

function problemsOf(yaml: string): readonly string[] {
  try {
    parseGuardConfig(yaml)
  } catch (error: unknown) {
    if (error instanceof InvalidConfigError) return error.problems
    throw error
  }
  throw new Error('expected the configuration to be rejected')
}

describe('guard configuration', () => {
  it('fills in defaults for an empty file', () => {
    expect(parseGuardConfig('')).toEqual(DEFAULT_GUARD_CONFIG)
    expect(DEFAULT_GUARD_CONFIG.migration).toBe('issue')
    expect(DEFAULT_GUARD_CONFIG['check-on-clean-push']).toBe(false)
  })

  it('accepts a complete file', () => {
    const config = parseGuardConfig(
      ['ignore-paths: ["docs/**"]', `allow-fingerprints: ["sha256:${'a'.repeat(64)}"]`, 'alerts:', '  team: "@acme/security"', 'migration: pull-request'].join('\n'),
    )
    expect(config).toMatchObject({ 'ignore-paths': ['docs/**'], alerts: { team: '@acme/security' }, migration: 'pull-request' })
  })

  it.each([
    ['an unknown key', 'ignore_paths: [a]', '(top level): unknown key "ignore_paths"'],
    ['a wrong type', 'ignore-paths: docs/**', 'ignore-paths: '],
    ['a bad fingerprint', 'allow-fingerprints: ["abc"]', 'allow-fingerprints[0]: must be "sha256:" followed by 64 lower-case hex digits'],
    ['a bad enum value', 'migration: sometimes', 'migration: '],
    ['a bad team', 'alerts:\n  team: security', 'alerts.team: must name a team as "@org/team"'],
    ['an unknown nested key', 'alerts:\n  channel: x', 'alerts: unknown key "channel"'],
    ['broken YAML', 'ignore-paths: [a\nmigration: issue', '(yaml): '],
  ])('names the key and the problem for %s', (_case, yaml, expected) => {
    const problems = problemsOf(yaml)
    expect(problems.some((p) => p.startsWith(expected))).toBe(true)
  })

  it('says in one message what failed, why, and what to do', () => {
    expect(() => parseGuardConfig('migration: 3')).toThrow(/^\.github\/localstack-guard\.yml is not valid: migration: .+\. Fix the file/)
  })

  it('filters ignored paths with globs, dotfiles included', () => {
    const isIncluded = createPathFilter(parseGuardConfig('ignore-paths: ["docs/**", "**/*.snap"]'))
    expect(['docs/a.md', 'src/x/__snapshots__/a.snap', '.github/x.yml', 'src/a.ts'].map(isIncluded)).toEqual([false, false, true, true])
  })

  it('turns a configuration into scan options, and filters findings made without it the same way', () => {
    const allowed = `sha256:${'a'.repeat(64)}`
    const config = parseGuardConfig(`ignore-paths: ["docs/**"]\nallow-fingerprints: ["${allowed}"]\n`)
    const scanning = configuredScan(config)
    expect([scanning.isPathIncluded('docs/a.md'), scanning.isPathIncluded('src/a.ts'), scanning.allowFingerprints.has(allowed)]).toEqual([false, true, true])
    const findings = [
      { file: 'docs/a.md', fingerprint: 'sha256:b' },
      { file: 'src/a.ts', fingerprint: allowed },
      { file: 'src/b.ts', fingerprint: 'sha256:c' },
    ]
    expect(applyGuardConfig(findings, config)).toEqual([{ file: 'src/b.ts', fingerprint: 'sha256:c' }])
  })
})

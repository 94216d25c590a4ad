import { InvalidConfigError } from '../../../src/errors.js'
import { createPathFilter, MAX_CONFIG_CHARS, parseGuardConfig, validateGuardConfig } from '../../../src/scan/guard-config.js'
import { generateToken } from '../../support/generate-token.js'

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run()
  } catch (error: unknown) {
    if (error instanceof InvalidConfigError) return error.problems
    throw error
  }
  throw new Error('expected the configuration to be refused')
}

describe('the configuration against hostile input', () => {
  it('refuses globs that backtrack: more than two "*" in a segment, more than two "**"', () => {
    expect(problemsOf(() => validateGuardConfig({ 'ignore-paths': ['**/*a*a*a*a*a*a*b'] }))).toEqual([
      'ignore-paths[0]: has 7 "*" in one path segment; at most 2 are allowed (more can take minutes to match one name)',
    ])
    expect(problemsOf(() => validateGuardConfig({ 'ignore-paths': ['**/a/**/b/**/c'] }))[0]).toMatch(/^ignore-paths\[0\]: has 3 "\*\*" segments/)
  })

  it('keeps the globs people write', () => {
    const globs = ['dist/**', '**/*.min.js', '**/test/**/*.snap', '*.test.*', 'docs/{a,b}/*.md']
    expect(validateGuardConfig({ 'ignore-paths': globs })['ignore-paths']).toEqual(globs)
  })

  it('caps the number and length of globs and the size of the file', () => {
    expect(problemsOf(() => validateGuardConfig({ 'ignore-paths': Array.from({ length: 101 }, (_, i) => `d${i}/**`) }))).toEqual(['ignore-paths: must list at most 100 globs'])
    expect(problemsOf(() => validateGuardConfig({ 'ignore-paths': [`${'a'.repeat(257)}`] }))).toEqual(['ignore-paths[0]: must be at most 256 characters'])
    expect(problemsOf(() => parseGuardConfig(`# ${'x'.repeat(MAX_CONFIG_CHARS)}\n`))[0]).toMatch(/^\(file\): \d+ characters, more than the 65536 allowed$/)
    expect(problemsOf(() => validateGuardConfig({ 'ignore-paths': Array.from({ length: 100_000 }, (_, i) => `d${i}`) }))[0]).toMatch(/more than the 65536 allowed/)
  })

  it('redacts a token used as a key, and lists a bounded number of problems', () => {
    const token = generateToken()
    const problems = problemsOf(() => validateGuardConfig({ [token]: 1, ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, 1])) }))
    expect(JSON.stringify(problems)).not.toContain(token)
    expect(problems.join('\n')).toContain(token.slice(0, 9))
    const many = problemsOf(() => validateGuardConfig({ 'allow-fingerprints': Array.from({ length: 40 }, () => 'nope') }))
    expect(many).toHaveLength(21)
    expect(many[20]).toBe('(and 20 more problems)')
  })

  it('compiles a configuration\'s globs once, and scans a path too long to match in bounded time', () => {
    const config = { 'ignore-paths': ['vendor/**'] }
    expect(createPathFilter(config)).toBe(createPathFilter({ 'ignore-paths': ['vendor/**'] }))
    const filter = createPathFilter(config)
    expect(filter('vendor/x.js')).toBe(false)
    expect(filter(`vendor/${'a/'.repeat(600)}x.js`)).toBe(true)
  })
})

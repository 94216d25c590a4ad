import { fingerprintToken } from '../../../src/tokens/index.js'
import { generateToken } from '../../support/generate-token.js'
import { assertBundleExists, parseReport, Sandbox } from './cli-harness.js'

let sandbox: Sandbox

beforeAll(assertBundleExists, 240_000)
beforeEach(() => {
  sandbox = new Sandbox()
  sandbox.git(['init', '-q', '-b', 'main'])
})
afterEach(() => sandbox.cleanup())

describe('localstack-guard scan --git', () => {
  it('finds a token that a merge commit introduced only in its conflict resolution, with the merge commit', () => {
    const token = generateToken('lsci-')
    sandbox.write('ci.env', 'LOCALSTACK_AUTH_TOKEN=${LOCALSTACK_AUTH_TOKEN}\nREGION=us-east-1\n')
    sandbox.commitAll('base')
    sandbox.git(['checkout', '-q', '-b', 'feature'])
    sandbox.write('ci.env', 'LOCALSTACK_AUTH_TOKEN=${CI_TOKEN}\nREGION=us-east-1\n')
    sandbox.commitAll('feature: rename the variable')
    sandbox.git(['checkout', '-q', 'main'])
    sandbox.write('ci.env', 'LOCALSTACK_AUTH_TOKEN=${LS_TOKEN}\nREGION=us-east-1\n')
    sandbox.commitAll('main: another name')
    sandbox.git(['merge', '-q', 'feature', '-m', 'merge feature'], [1])
    sandbox.write('ci.env', `LOCALSTACK_AUTH_TOKEN=${token}\nREGION=us-east-1\n`)
    const mergeCommit = sandbox.commitAll('merge feature, resolve the conflict')
    expect(sandbox.git(['rev-list', '--parents', '-n', '1', 'HEAD']).split(' ')).toHaveLength(3)

    const result = sandbox.cli(['scan', '--git', '--format', 'json'])

    expect(result.exitCode).toBe(1)
    expect(result.stdout + result.stderr).not.toContain(token)
    const report = parseReport(result)
    expect(report.findings).toEqual([
      expect.objectContaining({ kind: 'ci-token', file: 'ci.env', line: 1, column: 23, commit: mergeCommit, fingerprint: fingerprintToken(token) }),
    ])
    expect(report.stats.commits).toBe(4)
  })

  it('finds a token that a later commit removed, with the commit that added it', () => {
    const token = generateToken('ls-')
    sandbox.write('app.py', 'import os\n')
    sandbox.commitAll('start')
    sandbox.write('app.py', `import os\nTOKEN = "${token}"\n`)
    const leakCommit = sandbox.commitAll('oops')
    sandbox.write('app.py', 'import os\nTOKEN = os.environ["LOCALSTACK_AUTH_TOKEN"]\n')
    sandbox.commitAll('read it from the environment')

    expect(sandbox.cli(['scan']).exitCode).toBe(0)
    const result = sandbox.cli(['scan', '--git', '--format', 'json'])

    expect(result.exitCode).toBe(1)
    expect(parseReport(result).findings).toEqual([
      expect.objectContaining({ kind: 'developer-token', file: 'app.py', line: 2, column: 10, commit: leakCommit }),
    ])
  })

  it('limits the history to RANGE', () => {
    sandbox.write('a.env', `LOCALSTACK_AUTH_TOKEN=${generateToken('lsci-')}\n`)
    const first = sandbox.commitAll('old leak')
    sandbox.write('b.env', `LOCALSTACK_AUTH_TOKEN=${generateToken('lsci-')}\n`)
    const second = sandbox.commitAll('new leak')

    const report = parseReport(sandbox.cli(['scan', '--git', `${first}..HEAD`, '--format', 'json']))

    expect(report.findings.map((finding) => [finding.file, finding.commit])).toEqual([['b.env', second]])
  })

  it('reads the history of the repository given as PATH after --git', () => {
    sandbox.write('a.env', `LOCALSTACK_AUTH_TOKEN=${generateToken('lsci-')}\n`)
    sandbox.commitAll('leak')

    const result = sandbox.cli(['scan', '--git', sandbox.work, '--format', 'json'], { cwd: sandbox.root })

    expect(result.exitCode).toBe(1)
    expect(parseReport(result).findings).toHaveLength(1)
  })

  it('exits 2 with git’s reason for a RANGE git does not know', () => {
    sandbox.write('a.txt', 'a\n')
    sandbox.commitAll('a')

    const result = sandbox.cli(['scan', '--git', 'no-such-branch'])

    expect(result.exitCode).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^git log failed in .+: fatal: (bad revision|ambiguous argument) 'no-such-branch'.*\. Check RANGE \(for example main\.\.feature\) and that the repository has commits\.\n$/)
  })

  it('exits 2 with one line outside a git repository', () => {
    const outside = new Sandbox()
    try {
      const result = outside.cli(['scan', '--git'])

      expect(result.exitCode).toBe(2)
      expect(result.stderr).toMatch(/^git rev-parse failed in .+: fatal: not a git repository.*\. Run the scan inside a git work tree .+\.\n$/)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
    } finally {
      outside.cleanup()
    }
  })
})

describe('localstack-guard scan --staged', () => {
  it('reports a token in the staged changes, without a commit, and ignores unstaged files', () => {
    const staged = generateToken('lsci-')
    sandbox.write('README.md', '# demo\n')
    sandbox.commitAll('initial')
    sandbox.write('README.md', `# demo\n\nexport LOCALSTACK_AUTH_TOKEN=${staged}\n`)
    sandbox.git(['add', 'README.md'])
    sandbox.write('scratch.txt', `${generateToken('lsci-')}\n`)

    const result = sandbox.cli(['scan', '--staged', '--format', 'json'])

    expect(result.exitCode).toBe(1)
    const report = parseReport(result)
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'ci-token', file: 'README.md', line: 3, column: 30, fingerprint: fingerprintToken(staged) })])
    expect(report.findings[0]).not.toHaveProperty('commit')
    expect(report.stats).not.toHaveProperty('commits')
  })

  it('exits 0 when nothing staged holds a token, even in a repository without commits', () => {
    sandbox.write('a.txt', 'hello\n')
    sandbox.git(['add', 'a.txt'])

    expect(sandbox.cli(['scan', '--staged']).exitCode).toBe(0)
  })
})

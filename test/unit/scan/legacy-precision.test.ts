import { scanText } from '../../../src/scan/index.js'
import { fingerprintToken } from '../../../src/tokens/index.js'
import { generateLegacyKey } from '../../support/generate-token.js'

const leaks = (text: string, file: string) => scanText(text, { file }).filter((f) => f.category === 'leak')

describe('documentation is read as prose', () => {
  // Lines from LocalStack's own documentation and READMEs, and the same shapes in other documentation formats.
  it.each([
    ['src/content/docs/aws/tutorials/ephemeral-application-previews.mdx', '- `localstack-api-key`: Configuration of a LocalStack [CI key](https://app.localstack.cloud/workspace/ci-keys) (`LOCALSTACK_API_KEY`) to activate licensed features in LocalStack.'],
    ['README.md', '- `LOCALSTACK_API_KEY`: Required for Pro features.'],
    ['README.md', '- `LOCALSTACK_API_KEY`: deprecated'],
    ['README.md', '- `localstackApiKey` = unsupported'],
    ['README.md', 'LOCALSTACK_API_KEY: Deprecated'],
    ['README.md', '* **LOCALSTACK_API_KEY**: Required for Pro features'],
    ['README.md', 'LOCALSTACK_API_KEY: the legacy key, replaced by LOCALSTACK_AUTH_TOKEN'],
    ['README.md', 'LOCALSTACK_API_KEY=deprecated, use LOCALSTACK_AUTH_TOKEN instead'],
    ['README.md', 'Set `localstackApiKey`: Optional, only for Pro.'],
    ['configuration.md', '| `LOCALSTACK_API_KEY` |                | **Deprecated since 3.0.0** API key to activate LocalStack Pro. |'],
    ['app-preview.md', 'The `LOCALSTACK_API_KEY` must be set as a repository secret.'],
    ['auth-token.mdx', 'Prior to the introduction of Auth Tokens, LocalStack used **API keys** managed through the `LOCALSTACK_API_KEY` environment variable for activation.'],
    ['docs/config.rst', '``LOCALSTACK_API_KEY``: Deprecated in favour of the Auth Token.'],
    ['docs/config.adoc', '`LOCALSTACK_API_KEY`:: Legacy API key, replaced by the Auth Token.'],
    ['docs/index.html', '<dt><code>LOCALSTACK_API_KEY</code>: Required</dt><dd>Legacy key for Pro features.</dd>'],
    ['docs/index.htm', '<p>LOCALSTACK_API_KEY: Deprecated, see the migration guide.</p>'],
  ])('no finding in %s: %s', (file, text) => {
    expect(scanText(`${text}\n`, { file })).toEqual([])
  })

  it('still finds a key in a fenced block of a README, and a sentence in the same file says nothing', () => {
    const key = generateLegacyKey()
    const readme = ['## Setup', '', '- `LOCALSTACK_API_KEY`: Required for Pro features.', '', '```bash', `LOCALSTACK_API_KEY=${key}`, '```', ''].join('\n')
    expect(leaks(readme, 'README.md')).toEqual([expect.objectContaining({ line: 6, fingerprint: fingerprintToken(key) })])
  })

  it('finds a key in the same code span as the name', () => {
    const key = generateLegacyKey()
    expect(leaks(`Start it with \`LOCALSTACK_API_KEY=${key} localstack start\`.\n`, 'README.md')).toHaveLength(1)
    expect(leaks(`Or \`\`export LOCALSTACK_API_KEY="${key}"\`\`.\n`, 'docs/setup.rst')).toHaveLength(1)
  })
})

describe('comments and values that are text, not keys', () => {
  it.each([
    ['conftest.py', '# LOCALSTACK_API_KEY: deprecated, use LOCALSTACK_AUTH_TOKEN'],
    ['setup.ts', '// LOCALSTACK_API_KEY is read by the container'],
    ['.github/workflows/ci.yml', '# LOCALSTACK_API_KEY: Required for Pro features'],
    ['setup.ts', '// localstackApiKey = apiKey'],
    ['values.yaml', 'LOCALSTACK_API_KEY: unavailable until the migration'],
    ['settings.properties', 'localstack.api.key = retrieved from the team vault'],
    ['Makefile', 'LOCALSTACK_API_KEY ?= deprecated and unused'],
    ['settings.py', '# The LOCALSTACK_API_KEY (legacy) goes here:\nAWS_SECRET_ACCESS_KEY = "abcdEFGH1234ijkl"'],
  ])('%s: %s', (file, text) => {
    expect(leaks(`${text}\n`, file)).toEqual([])
  })

  it.each([
    ['settings.py', 'localstack_api_key = settings.api_key'],
    ['config.ts', 'const localstackApiKey = config.localstackApiKey'],
    ['config.ts', '  localstackApiKey: string;'],
    ['config.ts', '  localstackApiKey?: string'],
    ['config.go', 'LocalstackApiKey string `json:"localstackApiKey"`'],
    ['main.tf', 'localstack_api_key = var.api_key'],
    ['app.py', 'key = os.getenv("LOCALSTACK_API_KEY", default_key)'],
    ['spec.ts', 'const names = ["LOCALSTACK_API_KEY", "LOCALSTACK_AUTH_TOKEN", "LOCALSTACK_HOSTNAME"]'],
    ['spec.py', 'FORWARD = ("LOCALSTACK_API_KEY", "DEBUG_LEVEL")'],
    ['spec.py', 'env = pick_env("LOCALSTACK_API_KEY", "LOCALSTACK_HOSTNAME")'],
    ['.gitlab-ci.yml', '  LOCALSTACK_API_KEY: LEGACY_CI_KEY_NAME'],
    ['errors.py', 'raise ValueError("LOCALSTACK_API_KEY", "Deprecated, use the auth token")'],
    ['run.sh', 'echo "${LOCALSTACK_API_KEY:0:3}..."'],
    ['run.sh', 'echo "${#LOCALSTACK_API_KEY}"'],
    ['run.sh', ': "${LOCALSTACK_API_KEY:?LOCALSTACK_API_KEY must be set}"'],
    ['run.sh', 'docker run ${LOCALSTACK_API_KEY:+-e LOCALSTACK_API_KEY=$LOCALSTACK_API_KEY} img'],
    ['run.sh', 'if [ "$LOCALSTACK_API_KEY" = "$EXPECTED_KEY" ]; then exit 0; fi'],
    ['Constants.java', 'ENV_LOCALSTACK_API_KEY = "LOCALSTACK_API_KEY";'],
    ['test_config.py', 'monkeypatch.setenv("LOCALSTACK_API_KEY", "test-key-123")'],
    ['config.test.ts', "process.env.LOCALSTACK_API_KEY = 'mockKey12345'"],
    ['config_test.go', 'os.Setenv("LOCALSTACK_API_KEY", "invalid-key-42")'],
  ])('no leak in code that names the variable: %s: %s', (file, text) => {
    expect(leaks(`${text}\n`, file)).toEqual([])
  })
})

describe('placeholders stay non-leaks in every new context', () => {
  // The legacy placeholders of LocalStack's documentation and examples, plus a word documentation uses.
  const placeholders = ['<YOUR_API_KEY>', '<your-key-here>', '<api-key>', '{enter your key}', 'your-key', 'YOUR_API_KEY_HERE', 'xxxxxx', '...', 'test', 'another-fake-key', 'Deprecated']
  const contexts: [string, (p: string) => string][] = [
    ['run.sh', (p) => `echo "\${LOCALSTACK_API_KEY:-${p}}"`],
    ['app.py', (p) => `key = os.getenv("LOCALSTACK_API_KEY", "${p}")`],
    ['app.ts', (p) => `const key = process.env.LOCALSTACK_API_KEY ?? '${p}'`],
    ['variables.tf', (p) => `variable "localstack_api_key" {\n  default = "${p}"\n}`],
    ['cdk.json', (p) => `{ "localstackApiKey": "${p}" }`],
    ['app.py', (p) => `# LOCALSTACK_API_KEY = "${p}"`],
    ['secret.yaml', (p) => `data:\n  LOCALSTACK_API_KEY: ${Buffer.from(p).toString('base64')}`],
    ['README.md', (p) => `\`\`\`\nexport LOCALSTACK_API_KEY=${p}\n\`\`\``],
  ]
  const cases = placeholders.flatMap((placeholder) => contexts.map(([file, render]) => [placeholder, file, render] as const))
  it.each(cases)('ignores %s in %s', (placeholder, file, render) => {
    expect(leaks(`${render(placeholder)}\n`, file)).toEqual([])
  })
})

describe('random keys are kept in every new context', () => {
  const contexts: [string, (k: string) => string][] = [
    ['run.sh', (k) => `echo "\${LOCALSTACK_API_KEY:-${k}}"`],
    ['app.py', (k) => `key = os.getenv("LOCALSTACK_API_KEY", "${k}")`],
    ['variables.tf', (k) => `variable "localstack_api_key" {\n  default = "${k}"\n}`],
    ['cdk.json', (k) => `{ "localstackApiKey": "${k}" }`],
    ['app.py', (k) => `# localstack_api_key = ${k}`],
    ['secret.yaml', (k) => `data:\n  LOCALSTACK_API_KEY: ${Buffer.from(k).toString('base64')}`],
    ['README.md', (k) => `\`\`\`\nLOCALSTACK_API_KEY: ${k}\n\`\`\``],
    ['values.yaml', (k) => `LOCALSTACK_API_KEY: ${k}`],
    ['README.md', (k) => `\`\`\`sh\nLOCALSTACK_API_KEY=${k} localstack start\n\`\`\``],
    ['README.md', (k) => `Start it with \`LOCALSTACK_API_KEY=${k} localstack start\`.`],
  ]
  it.each(contexts)('keeps at least 99.9%% of random ten-character keys in %s', (file, render) => {
    const keys = Array.from({ length: 5_000 }, generateLegacyKey)
    const found = keys.filter((key) => leaks(`${render(key)}\n`, file).length === 1)
    expect(found.length / keys.length).toBeGreaterThanOrEqual(0.999)
  })
})

describe('letters-only keys in code lines of documentation', () => {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
  const lettersOnlyKey = () => Array.from({ length: 10 }, () => letters[Math.floor(Math.random() * letters.length)]).join('')

  // Letters-only keys are one random key in six; a word in one case followed by a word reads as a sentence, and one
  // such key in 500 has that shape, so all random keys lose under one in 3,000 here (see the test above).
  it('keeps a key of letters followed by a command, as a fenced line writes it', () => {
    const keys = Array.from({ length: 2_000 }, lettersOnlyKey)
    const found = keys.filter((key) => leaks(`\`\`\`sh\nLOCALSTACK_API_KEY=${key} localstack start\n\`\`\`\n`, 'README.md').length === 1)
    expect(found.length / keys.length).toBeGreaterThanOrEqual(0.99)
  })
})

describe('the new contexts cost linear time on adversarial lines', () => {
  /**
   * The best of five scans at each of two sizes, alternating so that a busy moment of the machine hits both, after a
   * warm-up scan (the first scan also compiles the patterns).
   */
  function bestScanMs(unit: string, file: string, sizes: [number, number]): [number, number] {
    const texts = sizes.map((chars) => unit.repeat(Math.ceil(chars / unit.length)))
    const best = [Infinity, Infinity]
    scanText(texts[0] ?? '', { file })
    for (let round = 0; round < 5; round++) {
      texts.forEach((text, i) => {
        const started = performance.now()
        scanText(text, { file })
        best[i] = Math.min(best[i] ?? Infinity, performance.now() - started)
      })
    }
    return [best[0] ?? 0, best[1] ?? 0]
  }

  // One long line each, with no finding (a finding per occurrence measures the reporting, not the detection).
  it.each([
    ['localstackApiKey ', 'a.ts'],
    ['LOCALSTACK_API_KEY ?? ', 'a.ts'],
    ['`LOCALSTACK_API_KEY`: ', 'a.md'],
    ['// LOCALSTACK_API_KEY key key = "x" ', 'a.ts'],
    ['aaaa key = bbbb LOCALSTACK_API_KEY // ', 'a.ts'],
    ['LOCALSTACK_API_KEY: a b c d e f g h i j k l m n o p ', 'a.yaml'],
    ['variable "localstack_api_key" { default = var.x ', 'a.tf'],
  ])('%s: four times the text costs well under sixteen times the time', (unit, file) => {
    const [small, large] = bestScanMs(unit, file, [256 * 1024, 1024 * 1024])
    expect(large / small).toBeLessThan(10)
  })
})

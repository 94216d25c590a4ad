import { scanText, type Finding } from '../../../src/scan/index.js'
import { generateLegacyKey, generateToken } from '../../support/generate-token.js'

const shown = (findings: Finding[]) => findings.map((f) => `${f.category}/${f.kind} ${f.redacted}`)

/**
 * Uses of the legacy variable without a value in the file: each is one migration finding (kind
 * `legacy-key-reference`), never a leak, in LF and CRLF files alike. The third column is what the finding shows.
 */
const PASS_THROUGH: [string, string, string][] = [
  ['run.sh', 'docker run -e LOCALSTACK_API_KEY -p 4566:4566 localstack/localstack-pro', '-e LOCALSTACK_API_KEY'],
  ['run.sh', 'docker run --env LOCALSTACK_API_KEY localstack/localstack-pro', '--env LOCALSTACK_API_KEY'],
  ['run.sh', 'docker run -e "LOCALSTACK_API_KEY" localstack/localstack-pro', '-e "LOCALSTACK_API_KEY"'],
  ['run.sh', 'docker run \\\n  -e LOCALSTACK_API_KEY \\\n  localstack/localstack-pro', '-e LOCALSTACK_API_KEY'],
  ['docker-compose.yml', '    environment:\n      - LOCALSTACK_API_KEY\n      - DEBUG=1', '- LOCALSTACK_API_KEY'],
  ['docker-compose.yml', '    environment:\n      - "LOCALSTACK_API_KEY"  # from the shell', '- "LOCALSTACK_API_KEY"'],
  ['docker-compose.yml', '    environment:\n      LOCALSTACK_API_KEY:\n      DEBUG: 1', 'LOCALSTACK_API_KEY:'],
  ['docker-compose.yml', '    environment: [LOCALSTACK_API_KEY, DEBUG]', 'LOCALSTACK_API_KEY'],
  ['.gitlab-ci.yml', '  variables: [DEBUG, "LOCALSTACK_API_KEY"]', '"LOCALSTACK_API_KEY"'],
  ['Dockerfile', 'FROM localstack/localstack-pro\nARG LOCALSTACK_API_KEY', 'ARG LOCALSTACK_API_KEY'],
  ['build.sh', 'docker build --build-arg LOCALSTACK_API_KEY -t app .', '--build-arg LOCALSTACK_API_KEY'],
  ['src/lib/container-spec.ts', 'const FORWARDED = [\n  "LOCALSTACK_AUTH_TOKEN",\n  "LOCALSTACK_API_KEY",\n]', '"LOCALSTACK_API_KEY"'],
  ['config.py', "CONFIG_ENV_VARS = [\n    'LOCALSTACK_API_KEY',\n]", "'LOCALSTACK_API_KEY'"],
  ['check.py', 'if "LOCALSTACK_API_KEY" in os.environ:', '"LOCALSTACK_API_KEY"'],
  ['Constants.java', 'public static final String ENV_LOCALSTACK_API_KEY = "LOCALSTACK_API_KEY";', '"LOCALSTACK_API_KEY"'],
  ['Main.java', 'String key = System.getenv("LOCALSTACK_API_KEY");', 'System.getenv("LOCALSTACK_API_KEY")'],
  ['Main.java', 'boolean pro = System.getenv(Constants.ENV_LOCALSTACK_API_KEY) != null;', 'getenv(Constants.ENV_LOCALSTACK_API_KEY)'],
  ['main.go', 'key := os.Getenv("LOCALSTACK_API_KEY")', 'os.Getenv("LOCALSTACK_API_KEY")'],
  ['main.rs', 'let key = env::var("LOCALSTACK_API_KEY")?;', 'env::var("LOCALSTACK_API_KEY")'],
  ['app.py', 'key = os.environ.get("LOCALSTACK_API_KEY", "").strip("\'\\" ")', 'environ.get("LOCALSTACK_API_KEY", …)'],
  ['app.py', 'os.environ["LOCALSTACK_API_KEY"] = api_key', 'environ["LOCALSTACK_API_KEY"]'],
  ['app.ts', 'process.env.LOCALSTACK_API_KEY = options.key', 'process.env.LOCALSTACK_API_KEY'],
  ['app.ts', 'const key = process.env.LOCALSTACK_API_KEY ?? fallbackKey', 'process.env.LOCALSTACK_API_KEY'],
  ['variables.tf', 'variable "localstack_api_key" {\n  type      = string\n  sensitive = true\n}', '"localstack_api_key"'],
  ['docker-compose.yml', '      - LOCALSTACK_API_KEY=${LOCALSTACK_API_KEY:-}  # required for CI', 'LOCALSTACK_API_KEY=${LOCALSTACK_API_KEY:-}'],
  ['.devcontainer/devcontainer.json', '  "LOCALSTACK_API_KEY": "${localEnv:LOCALSTACK_API_KEY}",', 'LOCALSTACK_API_KEY=${localEnv:LOCALSTACK_API_KEY}'],
  ['.gitlab-ci.yml', "    - curl -H 'ls-api-key: $LOCALSTACK_API_KEY' https://api.localstack.cloud/v1", '$LOCALSTACK_API_KEY'],
]

describe('pass-through uses of the legacy variable are migration findings', () => {
  it.each(PASS_THROUGH)('%s: %s (LF)', (file, text, expression) => {
    expect(shown(scanText(`${text}\n`, { file }))).toEqual([`migration/legacy-key-reference ${expression}`])
  })

  it.each(PASS_THROUGH)('%s: %s (CRLF)', (file, text, expression) => {
    expect(shown(scanText(`${text.replace(/\n/g, '\r\n')}\r\n`, { file }))).toEqual([`migration/legacy-key-reference ${expression}`])
  })

  it('reports the line of the name', () => {
    const [finding] = scanText('services:\n  localstack:\n    environment:\n      - LOCALSTACK_API_KEY\r\n', { file: 'compose.yaml' })
    expect(finding).toMatchObject({ line: 4, column: 9 })
  })
})

describe('a header that passes an Auth Token is not a legacy reference', () => {
  it.each([
    ['client.yml', 'ls-api-key: ${LOCALSTACK_AUTH_TOKEN}'],
    ['client.py', 'headers = {"ls-api-key": "${LOCALSTACK_AUTH_TOKEN}"}'],
    ['client.py', 'headers = {"ls-api-key": os.environ["LOCALSTACK_AUTH_TOKEN"]}'],
    ['client.ts', "const headers = { 'ls-api-key': process.env.LOCALSTACK_AUTH_TOKEN }"],
    ['call.sh', 'curl -H "ls-api-key: $LOCALSTACK_AUTH_TOKEN" https://api.localstack.cloud/v1/user'],
    ['.github/workflows/ci.yml', '          ls-api-key: ${{ secrets.LOCALSTACK_AUTH_TOKEN }}'],
  ])('%s: %s', (file, text) => {
    expect(scanText(`${text}\n`, { file })).toEqual([])
  })

  it('still reports a literal key given to the header', () => {
    const key = generateLegacyKey()
    expect(shown(scanText(`curl -H "ls-api-key: ${key}" https://api.localstack.cloud/v1\n`, { file: 'call.sh' }))).toEqual(['leak/legacy-key ****(10)'])
  })
})

describe('the redacted text of a reference never shows a value', () => {
  it.each([
    ['run.sh', 'echo "${LOCALSTACK_API_KEY:-test}"', '${LOCALSTACK_API_KEY:-****}'],
    ['run.sh', ': "${LOCALSTACK_API_KEY:?set the legacy key first}"', '${LOCALSTACK_API_KEY:?****}'],
    ['run.sh', 'docker run ${LOCALSTACK_API_KEY:+-e LOCALSTACK_API_KEY} img', '${LOCALSTACK_API_KEY:+****}'],
    ['.env', 'LOCALSTACK_API_KEY=${LEGACY_KEY:-your-key}', 'LOCALSTACK_API_KEY=${LEGACY_KEY:-****}'],
    ['docker-compose.yml', '      - LOCALSTACK_API_KEY=${LOCALSTACK_API_KEY:-${FALLBACK:-xxxxxx}}', 'LOCALSTACK_API_KEY=${LOCALSTACK_API_KEY:-${FALLBACK:-****}}'],
    ['.github/workflows/ci.yml', "      LOCALSTACK_API_KEY: ${{ secrets.LOCALSTACK_API_KEY || 'test' }}", "LOCALSTACK_API_KEY=${{ secrets.LOCALSTACK_API_KEY || '****' }}"],
    ['app.py', 'key = os.getenv("LOCALSTACK_API_KEY", "another-fake-key")', 'os.getenv("LOCALSTACK_API_KEY", …)'],
  ])('%s: %s', (file, text, expression) => {
    expect(shown(scanText(`${text}\n`, { file }))).toEqual([`migration/legacy-key-reference ${expression}`])
  })

  it('reports a reference whose default is a key as a leak of that key, never showing it', () => {
    const key = generateLegacyKey()
    const findings = scanText(`echo "\${LOCALSTACK_API_KEY:-${key}}"\nLOCALSTACK_API_KEY=\${X:-${key}}\n`, { file: 'run.sh' })
    expect(shown(findings)).toEqual(['leak/legacy-key ****(10)', 'leak/legacy-key ****(10)'])
    expect(JSON.stringify(findings)).not.toContain(key)
  })

  it('reports an Auth Token default as the token leak and a redacted migration item', () => {
    const token = generateToken('lsci-')
    const findings = scanText(`echo "\${LOCALSTACK_API_KEY:-${token}}"\n`, { file: 'run.sh' })
    expect(shown(findings).map((line) => line.split(' ')[0])).toEqual(['migration/legacy-key-reference', 'leak/ci-token'])
    expect(findings[0]?.redacted).toBe('${LOCALSTACK_API_KEY:-****}')
    expect(JSON.stringify(findings)).not.toContain(token)
  })
})

describe('names in comments and documentation are prose, not pass-through', () => {
  it.each([
    ['src/errors.ts', ' * Set `LOCALSTACK_AUTH_TOKEN` instead of `LOCALSTACK_API_KEY`.'],
    ['src/config.py', '# Forward "LOCALSTACK_API_KEY", then the auth token.'],
    ['compose.yaml', '# - LOCALSTACK_API_KEY'],
    ['README.md', '- LOCALSTACK_API_KEY'],
    ['README.md', 'The variable "LOCALSTACK_API_KEY", now deprecated.'],
  ])('%s: %s', (file, text) => {
    expect(scanText(`${text}\n`, { file })).toEqual([])
  })
})

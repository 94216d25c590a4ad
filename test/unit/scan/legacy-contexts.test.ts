import { describeFile } from '../../../src/scan/file-context.js'
import { scanText, type Finding } from '../../../src/scan/index.js'
import { fingerprintToken } from '../../../src/tokens/index.js'
import { generateLegacyKey } from '../../support/generate-token.js'

/**
 * Every context in which people write a legacy key, each as a file name and a rendering of the key `k`. Each row
 * runs as written (LF), with CRLF line ends, and, for rows marked `escapes`, JSON-escaped inside a notebook cell and a
 * source map, as those files store text.
 */
type Render = (k: string) => string
interface Row {
  readonly file: string
  readonly render: Render
  /** The row also holds when its text is stored JSON-escaped (a notebook or a source map). */
  readonly escapes: boolean
}
const row = (file: string, render: Render, escapes = true): Row => ({ file, render, escapes })
const b64 = (text: string) => Buffer.from(text).toString('base64')

const SHELL_DEFAULTS: Row[] = [
  row('run.sh', (k) => `echo "\${LOCALSTACK_API_KEY:-${k}}"`),
  row('run.sh', (k) => `: "\${LOCALSTACK_API_KEY:=${k}}"`),
  row('run.sh', (k) => `export LOCALSTACK_API_KEY=\${LOCALSTACK_API_KEY-${k}}`),
  row('run.sh', (k) => `localstack start -e LOCALSTACK_API_KEY="\${LOCALSTACK_API_KEY:-'${k}'}"`),
  row('docker-compose.yml', (k) => `    environment:\n      - LOCALSTACK_API_KEY=\${LOCALSTACK_API_KEY:-${k}}`),
  row('docker-compose.yml', (k) => `    environment:\n      LOCALSTACK_API_KEY: "\${LOCALSTACK_API_KEY:-${k}}"`),
  row('.env', (k) => `LOCALSTACK_API_KEY=\${LEGACY_KEY:-${k}}`),
  row('.env', (k) => `LOCALSTACK_API_KEY=\${LEGACY_KEY:-\${OTHER_KEY:-${k}}}`),
  row('application.properties', (k) => `localstack.api-key=\${LOCALSTACK_API_KEY:${k}}`),
  row('.devcontainer/devcontainer.json', (k) => `  "containerEnv": { "LOCALSTACK_API_KEY": "\${localEnv:LOCALSTACK_API_KEY:${k}}" }`),
  row('.github/workflows/ci.yml', (k) => `      LOCALSTACK_API_KEY: \${{ secrets.LOCALSTACK_API_KEY || '${k}' }}`),
]

const LANGUAGE_DEFAULTS: Row[] = [
  row('conftest.py', (k) => `key = os.getenv("LOCALSTACK_API_KEY", "${k}")`),
  row('conftest.py', (k) => `key = os.environ.get('LOCALSTACK_API_KEY', '${k}')`),
  row('conftest.py', (k) => `key = os.environ.get("LOCALSTACK_API_KEY") or "${k}"`),
  row('conftest.py', (k) => `os.environ.setdefault("LOCALSTACK_API_KEY", "${k}")`),
  row('conftest.py', (k) => `    monkeypatch.setenv("LOCALSTACK_API_KEY", "${k}")`),
  row('setup.ts', (k) => `const key = process.env.LOCALSTACK_API_KEY ?? "${k}"`),
  row('setup.js', (k) => `const key = process.env.LOCALSTACK_API_KEY || '${k}'`),
  row('setup.mjs', (k) => `const key = process.env['LOCALSTACK_API_KEY'] || \`${k}\``),
  row('setup.ts', (k) => `const { LOCALSTACK_API_KEY = "${k}" } = process.env`),
  row('main.go', (k) => `key := cmp.Or(os.Getenv("LOCALSTACK_API_KEY"), "${k}")`),
  row('main_test.go', (k) => `os.Setenv("LOCALSTACK_API_KEY", "${k}")`),
  row('Config.java', (k) => `String key = System.getenv().getOrDefault("LOCALSTACK_API_KEY", "${k}");`),
  row('Config.java', (k) => `String key = Optional.ofNullable(System.getenv("LOCALSTACK_API_KEY")).orElse("${k}");`),
  row('Config.java', (k) => `String key = System.getProperty("localstack.api.key", "${k}");`),
  row('Config.kt', (k) => `val key = System.getenv("LOCALSTACK_API_KEY") ?: "${k}"`),
  row('build.gradle', (k) => `def key = System.getenv('LOCALSTACK_API_KEY') ?: '${k}'`),
  row('Config.scala', (k) => `val key = sys.env.getOrElse("LOCALSTACK_API_KEY", "${k}")`),
  row('spec_helper.rb', (k) => `key = ENV.fetch("LOCALSTACK_API_KEY", "${k}")`),
  row('spec_helper.rb', (k) => `key = ENV.fetch("LOCALSTACK_API_KEY") { "${k}" }`),
  row('spec_helper.rb', (k) => `key = ENV["LOCALSTACK_API_KEY"] || "${k}"`),
  row('config.php', (k) => `$key = getenv('LOCALSTACK_API_KEY') ?: '${k}';`),
  row('config.php', (k) => `$key = $_ENV['LOCALSTACK_API_KEY'] ?? '${k}';`),
  row('config/services.php', (k) => `    'key' => env('LOCALSTACK_API_KEY', '${k}'),`),
  row('Program.cs', (k) => `var key = Environment.GetEnvironmentVariable("LOCALSTACK_API_KEY") ?? "${k}";`),
  row('main.rs', (k) => `let key = env::var("LOCALSTACK_API_KEY").unwrap_or("${k}".to_string());`),
  row('main.rs', (k) => `let key = std::env::var("LOCALSTACK_API_KEY").unwrap_or_else(|_| "${k}".into());`),
  row('Config.swift', (k) => `let key = ProcessInfo.processInfo.environment["LOCALSTACK_API_KEY"] ?? "${k}"`),
  row('config.dart', (k) => `final key = Platform.environment['LOCALSTACK_API_KEY'] ?? '${k}';`),
  row('init.lua', (k) => `local key = os.getenv("LOCALSTACK_API_KEY") or "${k}"`),
  row('config.exs', (k) => `key = System.get_env("LOCALSTACK_API_KEY", "${k}")`),
  row('deploy.pl', (k) => `my $key = $ENV{LOCALSTACK_API_KEY} // '${k}';`),
  row('setup.ps1', (k) => `$key = $env:LOCALSTACK_API_KEY ?? "${k}"`),
  row('templates/deployment.yaml', (k) => `          value: {{ .Values.localstackApiKey | default "${k}" | quote }}`),
  row('roles/localstack/templates/env.j2', (k) => `LOCALSTACK_API_KEY={{ localstack_api_key | default('${k}') }}`),
]

const TERRAFORM: Row[] = [
  row('variables.tf', (k) => `variable "localstack_api_key" {\n  type      = string\n  default   = "${k}"\n  sensitive = true\n}`),
  row('variables.tf', (k) => `variable "localstack_api_key" { default = "${k}" }`),
  row('variables.tf', (k) => `variable "localstack_api_key" {\n  description = "Legacy key {see docs}"\n  default     = "${k}"\n}`),
  row('terraform.tfvars', (k) => `localstack_api_key = "${k}"`),
  row('.env', (k) => `TF_VAR_localstack_api_key=${k}`),
]

const SPELLINGS: Row[] = [
  row('cdk.json', (k) => `{ "context": { "localstackApiKey": "${k}" } }`),
  row('appsettings.json', (k) => `{"LocalstackApiKey":"${k}"}`),
  row('config.json', (k) => `{ "localstack-api-key": "${k}" }`),
  row('config.json', (k) => `{ "LOCALSTACK_API_KEY": "${k}" }`),
  row('values.yaml', (k) => `localstackApiKey: ${k}`),
  row('values.yaml', (k) => `LocalStackApiKey: '${k}'`),
  row('pyproject.toml', (k) => `localstack_api_key = "${k}"`),
  row('settings.toml', (k) => `localstackApiKey = "${k}"`),
  row('setup.cfg', (k) => `localstack-api-key = ${k}`),
  row('config.ini', (k) => `LOCALSTACK_APIKEY=${k}`),
  row('application.properties', (k) => `localstack.api.key=${k}`),
  row('application.properties', (k) => `localstack.apiKey: ${k}`),
  row('pom.xml', (k) => `    <localstack.api.key>${k}</localstack.api.key>`),
  row('config.ts', (k) => `const localstackApiKey = "${k}"`),
  row('config.ts', (k) => `  localstackApiKey: '${k}',`),
  row('config.ts', (k) => `export const LOCALSTACK_API_KEY: string = "${k}"`),
  row('Settings.cs', (k) => `    LocalstackApiKey = "${k}",`),
  row('config.go', (k) => `    LocalstackApiKey: "${k}",`),
  row('config.go', (k) => `var LocalstackApiKey string = "${k}"`),
  row('config.rs', (k) => `const LOCALSTACK_API_KEY: &str = "${k}";`),
  row('Config.kt', (k) => `val localstackApiKey: String = "${k}"`),
  row('config.h', (k) => `#define LOCALSTACK_API_KEY "${k}"`),
  row('config.fish', (k) => `set -gx LOCALSTACK_API_KEY ${k}`),
  row('Config.php', (k) => `$localstackApiKey = "${k}";`),
]

const COMMENTS: Row[] = [
  row('.env', (k) => `# LOCALSTACK_API_KEY=${k}`),
  row('conftest.py', (k) => `# LOCALSTACK_API_KEY = "${k}"`),
  row('conftest.py', (k) => `    # localstack_api_key = ${k}`),
  row('setup.ts', (k) => `// const localstackApiKey = "${k}"`),
  row('setup.ts', (k) => `// process.env.LOCALSTACK_API_KEY = "${k}"`),
  row('setup.ts', (k) => `const key = "${k}" // LOCALSTACK_API_KEY`),
  row('setup.ts', (k) => `// LOCALSTACK_API_KEY\n// const key = "${k}"`, false),
  row('setup.js', (k) => `/**\n * LOCALSTACK_API_KEY: ${k}\n */`),
  row('docker-compose.yml', (k) => `    environment:\n      # - LOCALSTACK_API_KEY=${k}`),
  row('Dockerfile', (k) => `# ENV LOCALSTACK_API_KEY=${k}`),
  row('setup.ps1', (k) => `# $env:LOCALSTACK_API_KEY = "${k}"`),
  row('init.lua', (k) => `-- LOCALSTACK_API_KEY = '${k}'`),
  row('README.md', (k) => `<!-- LOCALSTACK_API_KEY=${k} -->`),
]

const KUBERNETES_BASE64: Row[] = [
  row('k8s/secret.yaml', (k) => `apiVersion: v1\nkind: Secret\ndata:\n  LOCALSTACK_API_KEY: ${b64(k)}`),
  // `echo key | base64` keeps the newline.
  row('k8s/secret.yaml', (k) => `apiVersion: v1\nkind: Secret\ndata:\n  localstack-api-key: ${b64(`${k}\n`)}`),
  row('k8s/secret.json', (k) => `{"kind":"Secret","data":{"LOCALSTACK_API_KEY":"${b64(k)}"}}`),
  row('deployment.yaml', (k) => `        - name: LOCALSTACK_API_KEY\n          value: "${k}"`, false),
]

const DOCUMENTATION_CODE: Row[] = [
  row('README.md', (k) => `\`\`\`bash\nexport LOCALSTACK_API_KEY=${k}\n\`\`\``),
  row('README.md', (k) => `\`\`\`\nLOCALSTACK_API_KEY=${k}\n\`\`\``),
  row('README.md', (k) => `Run \`LOCALSTACK_API_KEY=${k} localstack start\` first.`),
  row('README.md', (k) => `\`\`\`yaml\nenv:\n  LOCALSTACK_API_KEY: ${k}\n\`\`\``),
  row('docs/setup.mdx', (k) => `<CodeBlock>{\`LOCALSTACK_API_KEY="${k}"\`}</CodeBlock>`),
  row('docs/setup.rst', (k) => `::\n\n    LOCALSTACK_API_KEY=${k}`),
  row('docs/setup.adoc', (k) => `----\nexport LOCALSTACK_API_KEY="${k}"\n----`),
  row('docs/index.html', (k) => `<pre><code>LOCALSTACK_API_KEY=${k}</code></pre>`),
]

const TABLES: [string, Row[]][] = [
  ['shell default expansions', SHELL_DEFAULTS],
  ['language defaults', LANGUAGE_DEFAULTS],
  ['Terraform', TERRAFORM],
  ['key spellings', SPELLINGS],
  ['commented-out assignments', COMMENTS],
  ['Kubernetes and base64', KUBERNETES_BASE64],
  ['code in documentation', DOCUMENTATION_CODE],
]

function expectOneLeak(findings: Finding[], key: string): void {
  expect(findings.filter((f) => f.category === 'leak')).toEqual([
    expect.objectContaining({ kind: 'legacy-key', redacted: `****(${key.length})`, fingerprint: fingerprintToken(key) }),
  ])
  expect(JSON.stringify(findings)).not.toContain(key)
}

/** A notebook stores each line as a JSON string; a source map stores a whole file as one. */
function asNotebook(text: string): string {
  const lines = text.split('\n').map((line) => `    ${JSON.stringify(`${line}\n`)}`)
  return `{"cells": [{"cell_type": "code", "source": [\n${lines.join(',\n')}\n]}]}\n`
}
function asSourceMap(text: string): string {
  return `{"version":3,"sources":["x"],"sourcesContent":[${JSON.stringify(`${text}\n`)}],"mappings":"AAAA"}`
}

describe.each(TABLES)('a literal legacy key is a leak: %s', (_name, rows) => {
  const cases = rows.map((r, i) => [`${r.file} #${i}`, r] as const)

  it.each(cases)('%s (LF)', (_label, { file, render }) => {
    const key = generateLegacyKey()
    expectOneLeak(scanText(`${render(key)}\n`, { file }), key)
  })

  it.each(cases)('%s (CRLF)', (_label, { file, render }) => {
    const key = generateLegacyKey()
    expectOneLeak(scanText(`${render(key).replace(/\n/g, '\r\n')}\r\n`, { file }), key)
  })

  it.each(cases.filter(([, r]) => r.escapes))('%s (JSON-escaped in a notebook)', (_label, { render }) => {
    const key = generateLegacyKey()
    expectOneLeak(scanText(asNotebook(render(key)), { file: 'analysis.ipynb' }), key)
  })

  // A source map holds program source, so only the rows of program source are stored in one.
  const codeCases = cases.filter(([, r]) => r.escapes && describeFile(r.file).isCode)
  if (codeCases.length > 0) {
    it.each(codeCases)('%s (JSON-escaped in a source map)', (_label, { render }) => {
      const key = generateLegacyKey()
      expectOneLeak(scanText(asSourceMap(render(key)), { file: 'dist/app.js.map' }), key)
    })
  }
})

describe('where a legacy key is reported', () => {
  it('points at the default, not at the reference', () => {
    const key = generateLegacyKey()
    const [finding] = scanText(`x\nkey = os.getenv("LOCALSTACK_API_KEY", "${key}")\n`, { file: 'a.py' })
    expect(finding).toMatchObject({ line: 2, column: 'key = os.getenv("LOCALSTACK_API_KEY", "'.length + 1 })
  })

  it('points at the line of a Terraform default', () => {
    const key = generateLegacyKey()
    const [finding] = scanText(`variable "localstack_api_key" {\n  type = string\n  default = "${key}"\n}\n`, { file: 'variables.tf' })
    expect(finding).toMatchObject({ line: 3, column: '  default = "'.length + 1 })
  })

  it('reports a base64 Secret value at the encoded value, fingerprinted by the decoded key', () => {
    const key = generateLegacyKey()
    const [finding] = scanText(`data:\n  LOCALSTACK_API_KEY: ${b64(key)}\n`, { file: 'secret.yaml' })
    expect(finding).toMatchObject({ line: 2, column: 23, fingerprint: fingerprintToken(key) })
  })
})

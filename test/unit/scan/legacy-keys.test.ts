import { scanText, type Finding } from '../../../src/scan/index.js'
import { fingerprintToken } from '../../../src/tokens/index.js'
import { generateLegacyKey, generateToken } from '../../support/generate-token.js'

const kinds = (findings: Finding[]) => findings.map((f) => `${f.category}/${f.kind}`)

describe('legacy keys are found by context', () => {
  it.each([
    ['.env', (k: string) => `LOCALSTACK_API_KEY=${k}`],
    ['.env', (k: string) => `export LOCALSTACK_API_KEY="${k}"`],
    ['docker-compose.yml', (k: string) => `    environment:\n      - LOCALSTACK_API_KEY=${k}`],
    ['.github/workflows/ci.yml', (k: string) => `env:\n  LOCALSTACK_API_KEY: ${k}`],
    ['.github/workflows/ci.yml', (k: string) => `      with:\n        localstack-api-key: '${k}'`],
    ['config.json', (k: string) => `{ "LOCALSTACK_API_KEY": "${k}" }`],
    ['run.sh', (k: string) => `docker run -e LOCALSTACK_API_KEY=${k} localstack/localstack-pro`],
    ['Dockerfile', (k: string) => `ENV LOCALSTACK_API_KEY ${k}`],
    ['Dockerfile', (k: string) => `ENV LOCALSTACK_API_KEY=${k}`],
    ['setup.ps1', (k: string) => `$env:LOCALSTACK_API_KEY = "${k}"`],
    ['conftest.py', (k: string) => `os.environ["LOCALSTACK_API_KEY"] = "${k}"`],
    ['conftest.py', (k: string) => `start(localstack_api_key="${k}")`],
    ['main.tf', (k: string) => `  localstack_api_key = "${k}"`],
    ['Makefile', (k: string) => `LOCALSTACK_API_KEY ?= ${k}`],
    ['Makefile', (k: string) => `LOCALSTACK_API_KEY := ${k}`],
    ['client.py', (k: string) => `headers = {"ls-api-key": "${k}"}`],
    ['call.sh', (k: string) => `curl -H "ls-api-key: ${k}" https://api.localstack.cloud/v1/activate`],
    ['deployment.yaml', (k: string) => `        - name: LOCALSTACK_API_KEY\n          value: "${k}"`],
    ['notebook.ipynb', (k: string) => `    "%env LOCALSTACK_API_KEY=${k}\\n",`],
    ['notebook.ipynb', (k: string) => `    "os.environ[\\"LOCALSTACK_API_KEY\\"] = \\"${k}\\"\\n",`],
    ['.env', (k: string) => `LOCALSTACK_API_KEY=${k}\r`],
  ])('finds a literal key in %s: %#', (file, render) => {
    const key = generateLegacyKey()
    const findings = scanText(`${render(key)}\n`, { file })
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ category: 'leak', kind: 'legacy-key', redacted: '****(10)', fingerprint: fingerprintToken(key) })
  })

  it('points at the value, not at the name', () => {
    const key = generateLegacyKey()
    const [finding] = scanText(`x\nexport LOCALSTACK_API_KEY="${key}"\n`, { file: 'a.sh' })
    expect(finding).toMatchObject({ line: 2, column: 28 })
  })

  it('does not read an unquoted value in program source as a literal', () => {
    expect(scanText('localstack_api_key = settings.api_key\n', { file: 'app.py' })).toEqual([])
    expect(scanText('localstack_api_key = var.api_key\n', { file: 'main.tf' })).toEqual([])
  })

  it('ignores prose that only names the variable', () => {
    expect(scanText('LOCALSTACK_API_KEY is deprecated; use LOCALSTACK_AUTH_TOKEN.\n', { file: 'README.md' })).toEqual([])
  })

  it('ignores a longer name that merely starts like the legacy one', () => {
    expect(scanText(`LOCALSTACK_API_KEY_FILE=${generateLegacyKey()}\n`, { file: '.env' })).toEqual([])
  })

  it('reports an Auth Token given as LOCALSTACK_API_KEY as a leak and a migration item', () => {
    const token = generateToken('lsci-')
    const findings = scanText(`LOCALSTACK_API_KEY=${token}\n`, { file: '.env' })
    expect(kinds(findings)).toEqual(['migration/legacy-key-reference', 'leak/ci-token'])
    expect(JSON.stringify(findings)).not.toContain(token)
  })
})

describe('placeholders for legacy keys are nothing', () => {
  // docs/facts.md §1.5, the legacy family.
  const placeholders = ['<YOUR_API_KEY>', '<your-key-here>', '<api-key>', '{enter your key}', 'your-key', 'YOUR_API_KEY_HERE', 'xxxxxx', '...', 'test', 'another-fake-key']
  it.each(placeholders)('ignores %s', (placeholder) => {
    const text = [`LOCALSTACK_API_KEY=${placeholder}`, `LOCALSTACK_API_KEY: "${placeholder}"`, `export LOCALSTACK_API_KEY='${placeholder}'`].join('\n')
    expect(scanText(text, { file: 'docs/setup.md' })).toEqual([])
  })

  it('ignores an auth-token-shaped placeholder under the legacy name', () => {
    expect(scanText('LOCALSTACK_API_KEY=ls-XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX\n', { file: '.env' })).toEqual([])
  })
})

describe('references to the legacy variable are migration findings', () => {
  it.each([
    ['.github/workflows/ci.yml', '      LOCALSTACK_API_KEY: ${{ secrets.LOCALSTACK_API_KEY }}', 'LOCALSTACK_API_KEY=${{ secrets.LOCALSTACK_API_KEY }}'],
    ['.github/workflows/ci.yml', '      key: ${{ secrets.LOCALSTACK_API_KEY }}', '${{ secrets.LOCALSTACK_API_KEY }}'],
    ['run.sh', 'localstack start -e LOCALSTACK_API_KEY=$LOCALSTACK_API_KEY', 'LOCALSTACK_API_KEY=$LOCALSTACK_API_KEY'],
    ['run.sh', 'echo "${LOCALSTACK_API_KEY:-}"', '${LOCALSTACK_API_KEY:-}'],
    ['run.sh', 'test -n "$LOCALSTACK_API_KEY"', '$LOCALSTACK_API_KEY'],
    ['Makefile', '\tdocker run -e KEY=$(LOCALSTACK_API_KEY) img', '$(LOCALSTACK_API_KEY)'],
    ['run.cmd', 'echo %LOCALSTACK_API_KEY%', '%LOCALSTACK_API_KEY%'],
    ['setup.ps1', 'Write-Host $env:LOCALSTACK_API_KEY', '$env:LOCALSTACK_API_KEY'],
    ['conftest.py', 'key = os.environ["LOCALSTACK_API_KEY"]', 'environ["LOCALSTACK_API_KEY"]'],
    ['conftest.py', "key = os.getenv('LOCALSTACK_API_KEY')", "os.getenv('LOCALSTACK_API_KEY')"],
    ['setup.ts', 'const key = process.env.LOCALSTACK_API_KEY', 'process.env.LOCALSTACK_API_KEY'],
    ['deployment.yaml', '        - name: LOCALSTACK_API_KEY\n          valueFrom:', 'valueFrom: LOCALSTACK_API_KEY'],
  ])('reports a reference in %s: %#', (file, text, expression) => {
    const findings = scanText(`${text}\n`, { file })
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ category: 'migration', kind: 'legacy-key-reference', redacted: expression, line: 1 })
  })

  it('reports one migration item per line even when the name appears twice', () => {
    const findings = scanText('export LOCALSTACK_API_KEY=${LOCALSTACK_API_KEY}\n', { file: 'a.sh' })
    expect(kinds(findings)).toEqual(['migration/legacy-key-reference'])
  })

  it('says nothing about references to LOCALSTACK_AUTH_TOKEN', () => {
    expect(scanText('LOCALSTACK_AUTH_TOKEN: ${{ secrets.LOCALSTACK_AUTH_TOKEN }}\n', { file: 'ci.yml' })).toEqual([])
  })
})

describe('legacy placeholders lose no real key', () => {
  it('treats a short single word as a stand-in', () => {
    expect(scanText("LOCALSTACK_API_KEY: 'legacy'\nLOCALSTACK_API_KEY=REDACTED\n", { file: 'ci.yml' })).toEqual([])
  })

  it('keeps at least 99.9% of random ten-character keys (a word list would drop those that contain a word)', () => {
    const keys = Array.from({ length: 20_000 }, generateLegacyKey)
    const found = keys.filter((key) => scanText(`LOCALSTACK_API_KEY=${key}\n`, { file: '.env' }).length === 1)
    expect(found.length / keys.length).toBeGreaterThanOrEqual(0.999)
  })
})

import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { postRun } from '../../../action/post-run.js'
import { run } from '../../../action/run.js'
import { FakeClock } from '../../fakes/fake-clock.js'
import { FakeHttp, infoBody } from '../../fakes/fake-http.js'
import { InMemoryContainerRuntime, type ContainerScript } from '../../fakes/in-memory-container-runtime.js'
import { RecordingLogger } from '../../fakes/recording-logger.js'
import { generateToken } from '../../support/generate-token.js'
import { parseCommandFile } from '../../e2e/action/run-bundle.js'

// run() and postRun() with fake ports: INPUT_* env and temp runner files, as docs/style.md §7 describes.
const savedEnv = { ...process.env }
let dir: string
let printed: string[]

function runnerFile(name: string): Record<string, string> {
  return parseCommandFile(readFileSync(join(dir, name), 'utf8'))
}

function setUpRunner(inputs: Record<string, string>, env: Record<string, string> = {}): void {
  dir = mkdtempSync(join(tmpdir(), 'run-test-'))
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_') || key.startsWith('LOCALSTACK_') || key.startsWith('GITHUB_')) delete process.env[key]
  for (const name of ['output', 'state', 'summary', 'env']) writeFileSync(join(dir, name), '')
  Object.assign(process.env, {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_ENV: join(dir, 'env'),
    RUNNER_TEMP: dir,
    CI: 'true',
    ...env,
  })
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value
}

function fakes(script: ContainerScript = { lines: [{ atMs: 700, line: 'Ready.' }] }) {
  const clock = new FakeClock()
  const runtime = new InMemoryContainerRuntime(clock, script)
  const http = new FakeHttp(clock, () => ({ status: 200, body: infoBody(true) }))
  return { clock, runtime, http, log: new RecordingLogger(), portProbe: { isPortFree: async () => true } }
}

beforeEach(() => {
  printed = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk))
    return true
  })
})

afterEach(() => {
  jest.restoreAllMocks()
  process.env = { ...savedEnv }
  process.exitCode = undefined
})

describe('run (main step) with fake ports', () => {
  it('sets the outputs, exports AWS_ENDPOINT_URL, saves the container id for the post step and writes the summary', async () => {
    const token = generateToken('lsci-')
    setUpRunner({ 'auth-token': token, network: 'host' })
    const deps = fakes()
    await run(deps)
    expect(process.exitCode).toBeUndefined()
    const outputs = runnerFile('output')
    expect(outputs).toMatchObject({ 'endpoint-url': 'http://127.0.0.1:4566', 'license-activated': 'true', 'token-kind': 'ci-token', 'container-name': 'localstack-main' })
    expect(Number(outputs['startup-seconds'])).toBeGreaterThanOrEqual(0.7)
    expect(runnerFile('state')['container-id']).toBe(deps.runtime.containers[0]?.id)
    expect(runnerFile('env')).toMatchObject({ AWS_ENDPOINT_URL: 'http://localhost.localstack.cloud:4566', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1', AWS_REGION: 'us-east-1' })
    expect(readFileSync(join(dir, 'summary'), 'utf8')).toContain('<td>ci-token</td>')
    expect(deps.runtime.containers[0]?.spec.env.LOCALSTACK_AUTH_TOKEN).toBe(token)
    expect(printed.join('').replaceAll(`::add-mask::${token}`, '')).not.toContain(token)
  })

  it('masks the token before anything else is printed', async () => {
    const token = generateToken('lsci-')
    setUpRunner({ 'auth-token': token, network: 'host' })
    await run(fakes())
    expect(printed[0]).toBe(`::add-mask::${token}\n`)
  })

  it('does not export AWS_ENDPOINT_URL when export-endpoint is false', async () => {
    setUpRunner({ 'auth-token': generateToken('lsci-'), network: 'host', 'export-endpoint': 'false' })
    await run(fakes())
    expect(runnerFile('env')).toEqual({})
  })

  it('validates the token only and starts nothing with skip-startup', async () => {
    setUpRunner({ 'auth-token': generateToken('lsci-'), 'skip-startup': 'true' })
    const deps = fakes()
    await run(deps)
    expect(process.exitCode).toBeUndefined()
    expect(runnerFile('output')).toEqual({ 'token-kind': 'ci-token' })
    expect(deps.runtime.containers).toEqual([])
  })

  it('tells a fork pull request that secrets are not passed to forks, and starts nothing', async () => {
    const event = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json')
    writeFileSync(event, JSON.stringify({ pull_request: { head: { repo: { full_name: 'someone/fork' } }, base: { repo: { full_name: 'owner/repo' } } } }))
    setUpRunner({}, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event })
    const deps = fakes()
    await run(deps)
    expect(process.exitCode).toBe(1)
    expect(printed.join('')).toContain('::error::No LocalStack token: this run comes from a fork')
    expect(deps.runtime.containers).toEqual([])
  })

  it('warns about each deprecated input it accepts', async () => {
    setUpRunner({ 'auth-token': generateToken('lsci-'), network: 'host', 'use-pro': 'true', 'install-awslocal': 'true' })
    await run(fakes())
    expect(printed.filter((line) => line.startsWith('::warning::')).join('')).toMatch(/use-pro has no effect[\s\S]*install-awslocal has no effect/)
  })

  it('prints the log tail before the failure message when the licence is refused', async () => {
    setUpRunner({ 'auth-token': generateToken('lsci-'), network: 'host' })
    const deps = fakes({ lines: [{ atMs: 100, line: 'Localstack returning with exit code 55. Reason: The license has expired.' }], exit: { atMs: 100, code: 55 } })
    await run(deps)
    const text = printed.join('')
    expect(text.indexOf('Localstack returning with exit code 55')).toBeLessThan(text.indexOf('::error::LocalStack licence activation failed'))
    expect(runnerFile('state')['main-failed']).toBe('true')
  })
})

describe('postRun (post step) with a fake runtime', () => {
  it('shows the log tail in a collapsed group after a failed main step, then removes the container', async () => {
    const clock = new FakeClock()
    const runtime = new InMemoryContainerRuntime(clock, { lines: [{ atMs: 0, line: 'boot' }] })
    const { id } = await runtime.start({ name: 'localstack-main', image: 'i', env: {}, network: 'host', portBindings: [], binds: [], labels: {} })
    setUpRunner({}, { 'STATE_container-id': id, 'STATE_main-failed': 'true' })
    await postRun({ runtime })
    expect(printed.join('')).toMatch(/::group::LocalStack container log \(last 1 lines\)\nboot\n::endgroup::/)
    expect(runtime.containers[0]?.isRemoved).toBe(true)
    expect(process.exitCode).toBeUndefined()
  })

  it('turns its own failure into a warning and never fails the job', async () => {
    setUpRunner({}, { 'STATE_container-id': 'abc' })
    const runtime = new InMemoryContainerRuntime(new FakeClock())
    runtime.remove = async () => {
      throw new Error('daemon gone')
    }
    await postRun({ runtime })
    expect(printed.join('')).toContain('::warning::Cleaning up the LocalStack container failed: daemon gone.')
    expect(process.exitCode).toBeUndefined()
  })

  it('does nothing when the main step started no container', async () => {
    setUpRunner({})
    await postRun({ runtime: new InMemoryContainerRuntime(new FakeClock()) })
    expect(printed.join('')).toContain('No LocalStack container was started')
  })
})

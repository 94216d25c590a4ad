import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { generateToken } from '../../support/generate-token.js'
import { containerLogs, containersNamed, removeContainer, requireDocker, requireStandInImage } from './docker-fixture.js'
import { bytesWithoutMaskCommands, errorAnnotation, runStep, STAND_IN_IMAGE, STAND_IN_TAG, type StepResult } from './run-bundle.js'

// Every case gets its own container name and gateway port, so a leftover from one cannot disturb another. Ports stay
// below the ephemeral range (32768+), where an outgoing connection of any process could hold them.
let nextPort = 23_610
const usedNames: string[] = []

function scenario(name: string, extraConfiguration = '', inputs: Record<string, string> = {}) {
  const containerName = `e2e-${name}`
  const port = nextPort++
  usedNames.push(containerName)
  return {
    containerName,
    port,
    inputs: {
      image: STAND_IN_IMAGE,
      'image-tag': STAND_IN_TAG,
      network: 'host',
      'container-name': containerName,
      'wait-timeout': '20',
      // The stand-in is never in a registry: skip the refresh the default policy tries for a tag without a version.
      'pull-policy': 'missing',
      configuration: `GATEWAY_LISTEN=127.0.0.1:${port} STANDIN_ACTIVATION_DELAY_MS=300 ${extraConfiguration}`,
      ...inputs,
    },
  }
}

function expectNoTokenLeak(result: StepResult, token: string): void {
  expect(bytesWithoutMaskCommands(result)).not.toContain(token)
  expect(bytesWithoutMaskCommands(result)).not.toContain(token.slice(token.indexOf('-') + 1))
}

beforeAll(async () => {
  await requireDocker()
  await requireStandInImage()
}, 180_000)

afterEach(async () => {
  for (const name of usedNames.splice(0)) await removeContainer(name)
})

describe('the bundled Action against a real Docker engine', () => {
  it('starts the emulator, waits for activation, sets every output, and the post step removes the container', async () => {
    const token = generateToken('lsci-')
    const s = scenario('success')
    const main = await runStep('main', { inputs: { ...s.inputs, 'auth-token': token }, env: { CI: 'true' } })
    expect(errorAnnotation(main)).toBe('')
    expect(main.exitCode).toBe(0)
    expect(main.outputs).toMatchObject({
      'endpoint-url': `http://127.0.0.1:${s.port}`,
      'container-name': s.containerName,
      'license-activated': 'true',
      edition: 'pro',
      'token-kind': 'ci-token',
      version: expect.stringMatching(/^2026\./) as unknown as string,
    })
    expect(main.outputs['container-id']).toMatch(/^[0-9a-f]{64}$/)
    expect(Number(main.outputs['startup-seconds'])).toBeGreaterThan(0.3)
    expect(main.exportedEnv.AWS_ENDPOINT_URL).toBe(`http://localhost.localstack.cloud:${s.port}`)
    expect(main.summary).toContain('<td>activated</td>')
    const response = await fetch(`http://127.0.0.1:${s.port}/_localstack/info`)
    expect(((await response.json()) as { is_license_activated: boolean }).is_license_activated).toBe(true)
    expect(await containerLogs(s.containerName)).toContain('standin.config CI="true"')

    const post = await runStep('post', { state: main.state })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).not.toContain('::group::')
    expect(await containersNamed(s.containerName)).toEqual([])
    expectNoTokenLeak(main, token)
    expectNoTokenLeak(post, token)
  })

  it('refuses a developer token in CI before any container exists', async () => {
    const token = generateToken('ls-')
    const s = scenario('developer-token')
    const main = await runStep('main', { inputs: { ...s.inputs, 'auth-token': token }, env: { CI: 'true' } })
    expect(main.exitCode).toBe(1)
    expect(errorAnnotation(main)).toMatch(/^The auth-token input holds a developer token \(ls-…\): developer tokens cannot be used in CI\..*\[developer-token-in-ci\]$/)
    expect(await containersNamed(s.containerName)).toEqual([])
    expect(main.state['container-id']).toBeUndefined()
    expectNoTokenLeak(main, token)
  })

  it('fails with the licence reason when the emulator exits with code 55, and the post step shows the log and removes the container', async () => {
    const token = generateToken('ls-')
    const s = scenario('licence-55', '', { 'allow-developer-token': 'true' })
    const main = await runStep('main', { inputs: { ...s.inputs, 'auth-token': token }, env: { CI: 'true' } })
    expect(main.exitCode).toBe(1)
    expect(errorAnnotation(main)).toMatch(
      /^LocalStack licence activation failed: the container exited with code 55 \("The credentials defined in your environment are invalid\. Developer Auth Tokens cannot be used in CI\."\)\. .*\[activation-failed\]$/,
    )
    expect(main.stdout).toContain('The license activation failed for the following reason:')
    expect(main.stdout).toMatch(/::warning::Using a developer token/)

    const post = await runStep('post', { state: main.state })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toMatch(/::group::LocalStack container log \(last \d+ lines\)[\s\S]*Localstack returning with exit code 55[\s\S]*::endgroup::/)
    expect(await containersNamed(s.containerName)).toEqual([])
    expectNoTokenLeak(main, token)
    expectNoTokenLeak(post, token)
  })

  it('reports a crash with its exit code and last log line', async () => {
    const s = scenario('crash', 'STANDIN_MODE=crash')
    const main = await runStep('main', { inputs: { ...s.inputs, 'auth-token': generateToken('lsci-') }, env: { CI: 'true' } })
    expect(main.exitCode).toBe(1)
    expect(errorAnnotation(main)).toMatch(/^LocalStack stopped before it was ready: the container exited with code 1 \(last line: "RuntimeError: stand-in crash requested by STANDIN_MODE=crash"\)\. .*\[emulator-exited\]$/)
  })

  it('times out with the last status seen when the licence never activates', async () => {
    const s = scenario('timeout', 'STANDIN_MODE=never-activate', { 'wait-timeout': '2' })
    const main = await runStep('main', { inputs: { ...s.inputs, 'auth-token': generateToken('lsci-') }, env: { CI: 'true' } })
    expect(main.exitCode).toBe(1)
    expect(errorAnnotation(main)).toBe(
      'LocalStack was not ready after 2 s: /_localstack/info still reports is_license_activated=false. Check the container log tail above, or raise wait-timeout. [activation-timeout]',
    )
    expect(main.durationMs).toBeLessThan(6_000)
    expect(main.stdout).toContain('LocalStack container log (last')
  })

  it('fails within seconds when the image is missing and cannot be pulled', async () => {
    const s = scenario('no-image', '', { image: 'localstack-stand-in/does-not-exist', 'image-tag': 'never' })
    const main = await runStep('main', { inputs: { ...s.inputs, 'auth-token': generateToken('lsci-') }, env: { CI: 'true' } })
    expect(main.exitCode).toBe(1)
    expect(errorAnnotation(main)).toMatch(/^Pulling the LocalStack image failed: localstack-stand-in\/does-not-exist:never is not on this machine .*\[image-pull-failed\]$/)
    expect(main.durationMs).toBeLessThan(15_000)
    expect(await containersNamed(s.containerName)).toEqual([])
  })

  describe('with the gateway port taken', () => {
    let blocker: Server
    const s = scenario('port-taken')
    beforeAll(async () => {
      blocker = createServer()
      await new Promise<void>((resolve) => blocker.listen(s.port, '127.0.0.1', resolve))
    })
    afterAll(async () => {
      await new Promise((resolve) => blocker.close(resolve))
    })

    it('fails before creating a container, naming the port', async () => {
      usedNames.push(s.containerName)
      const main = await runStep('main', { inputs: { ...s.inputs, 'auth-token': generateToken('lsci-') }, env: { CI: 'true' } })
      expect(main.exitCode).toBe(1)
      expect(errorAnnotation(main)).toMatch(new RegExp(`^LocalStack could not start: port ${s.port} on the host is already in use\\..*\\[port-in-use\\]$`))
      expect(await containersNamed(s.containerName)).toEqual([])
    })
  })

  it('names the unreachable port within seconds, not at wait-timeout, when the runner cannot reach the container', async () => {
    // network: none gives the container no way in from the runner on any engine, as a missing bridge does.
    const s = scenario('unreachable', '', { network: 'none', ports: `${nextPort++}:4566`, 'wait-timeout': '60' })
    const main = await runStep('main', { inputs: { ...s.inputs, configuration: 'STANDIN_ACTIVATION_DELAY_MS=300', 'auth-token': generateToken('lsci-') }, env: { CI: 'true' }, timeoutMs: 30_000 })
    expect(main.exitCode).toBe(1)
    expect(errorAnnotation(main)).toMatch(/^LocalStack printed "Ready\." 5 s ago, but http:\/\/127\.0\.0\.1:\d+\/_localstack\/info still does not answer the runner .*set network: host.*\[gateway-unreachable\]$/)
    const post = await runStep('post', { state: main.state })
    expect(post.exitCode).toBe(0)
    expect(await containersNamed(s.containerName)).toEqual([])
  })

  it('returns as soon as the container runs with skip-wait, and the post step removes it', async () => {
    const s = scenario('skip-wait', 'STANDIN_ACTIVATION_DELAY_MS=5000', { 'skip-wait': 'true' })
    const main = await runStep('main', { inputs: { ...s.inputs, 'auth-token': generateToken('lsci-') }, env: { CI: 'true' } })
    expect(main.exitCode).toBe(0)
    expect(main.outputs['license-activated']).toBe('unknown')
    expect(main.durationMs).toBeLessThan(4_000)
    expect(await containersNamed(s.containerName)).toEqual([s.containerName])
    const post = await runStep('post', { state: main.state })
    expect(post.exitCode).toBe(0)
    expect(await containersNamed(s.containerName)).toEqual([])
  })

  it('passes configuration values with shell metacharacters to the container verbatim, executing nothing', async () => {
    // (The drop-in suite covers unquoted $(…) with spaces and the substitution warning.)
    const marker = `/tmp/setup-localstack-e2e-pwned-${process.pid}`
    const quoted = `$(touch ${marker}); echo "hi" | cat > /dev/null && \`touch ${marker}\``
    const s = scenario('metacharacters')
    const inputs = { ...s.inputs, configuration: `${s.inputs.configuration}\nWEIRD='${quoted}'\nPIPES=a|b&&c;d>e<f DOLLAR=$HOME` }
    const main = await runStep('main', { inputs: { ...inputs, 'auth-token': generateToken('lsci-') }, env: { CI: 'true' } })
    expect(errorAnnotation(main)).toBe('')
    const logs = await containerLogs(s.containerName)
    expect(logs).toContain(`standin.config WEIRD=${JSON.stringify(quoted)}`)
    expect(logs).toContain('standin.config PIPES="a|b&&c;d>e<f"')
    expect(logs).toContain('standin.config DOLLAR="$HOME"')
    expect(existsSync(marker)).toBe(false)
  })

  it('forwards CI exactly as the runner set it, even CI=false', async () => {
    const s = scenario('ci-false')
    const main = await runStep('main', { inputs: { ...s.inputs, 'auth-token': generateToken('lsci-') }, env: { CI: 'false' } })
    expect(main.exitCode).toBe(0)
    expect(await containerLogs(s.containerName)).toContain('standin.config CI="false"')
  })

  it('rejects an invalid input before any side effect, naming the input and what it accepts', async () => {
    const s = scenario('bad-input', '', { 'skip-wait': 'yes' })
    const main = await runStep('main', { inputs: { ...s.inputs, 'auth-token': generateToken('lsci-') }, env: { CI: 'true' } })
    expect(main.exitCode).toBe(1)
    expect(errorAnnotation(main)).toBe('Input skip-wait is invalid: got "yes". It accepts true or false. [invalid-input]')
    expect(await containersNamed(s.containerName)).toEqual([])
  })

  it('accepts an Auth Token from LOCALSTACK_API_KEY with a rename warning, passing it to the emulator as LOCALSTACK_AUTH_TOKEN', async () => {
    const token = generateToken('lsci-')
    const s = scenario('api-key-variable')
    const main = await runStep('main', { inputs: s.inputs, env: { CI: 'true', LOCALSTACK_API_KEY: token } })
    expect(main.exitCode).toBe(0)
    expect(main.stdout).toMatch(/::warning::LOCALSTACK_API_KEY holds an Auth Token: it works, but the name is the legacy one/)
    const logs = await containerLogs(s.containerName)
    expect(logs).toContain('standin.config LOCALSTACK_AUTH_TOKEN is set')
    expect(logs).not.toContain('LOCALSTACK_API_KEY')
    expectNoTokenLeak(main, token)
  })

  it('fails at once, naming DOCKER_HOST, when no Docker engine answers', async () => {
    const s = scenario('no-docker')
    const main = await runStep('main', { inputs: { ...s.inputs, 'auth-token': generateToken('lsci-') }, env: { CI: 'true', DOCKER_HOST: 'unix:///tmp/no-such-docker.sock' } })
    expect(main.exitCode).toBe(1)
    expect(errorAnnotation(main)).toMatch(/^Docker is not available: cannot connect to unix:\/\/\/tmp\/no-such-docker\.sock \(ENOENT\)\. .*\[docker-unavailable\]$/)
    expect(main.durationMs).toBeLessThan(3_000)
  })

  it('refuses to take over a container that already has the name, and leaves it alone', async () => {
    const s = scenario('name-taken')
    const first = await runStep('main', { inputs: { ...s.inputs, 'auth-token': generateToken('lsci-') }, env: { CI: 'true' } })
    expect(first.exitCode).toBe(0)
    const second = await runStep('main', { inputs: { ...s.inputs, configuration: `GATEWAY_LISTEN=127.0.0.1:${s.port + 1_000}`, 'auth-token': generateToken('lsci-') }, env: { CI: 'true' } })
    expect(errorAnnotation(second)).toMatch(new RegExp(`^Starting the LocalStack container failed: a container named ${s.containerName} already exists\\. .*\\[emulator-start-failed\\]$`))
    const post = await runStep('post', { state: second.state })
    expect(post.stdout).toContain('No LocalStack container was started')
    expect(await containersNamed(s.containerName)).toEqual([s.containerName])
  })
})

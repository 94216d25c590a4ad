import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateToken } from '../../support/generate-token.js'
import { containerLogs, containersNamed, removeContainer, requireDocker, requireStandInImage } from './docker-fixture.js'
import { errorAnnotation, runStep, STAND_IN_IMAGE, STAND_IN_TAG, type StepResult } from './run-bundle.js'
import { createBucket } from './sigv4-request.js'

// What a workflow migrating from localstack/setup-localstack meets first: licence failures as LocalStack prints them,
// configuration written for eval, the AWS environment of the next step, and every incumbent input answered.
// Below the ephemeral port range (32768+), where any outgoing connection could hold a port.
let nextPort = 23_800
const usedNames: string[] = []

function scenario(name: string, extraConfiguration = '', inputs: Record<string, string> = {}) {
  const containerName = `e2e-dropin-${name}`
  const port = nextPort++
  usedNames.push(containerName)
  return {
    containerName,
    port,
    inputs: {
      'auth-token': generateToken('lsci-'),
      image: STAND_IN_IMAGE,
      'image-tag': STAND_IN_TAG,
      network: 'host',
      'container-name': containerName,
      'wait-timeout': '20',
      'pull-policy': 'missing',
      configuration: `GATEWAY_LISTEN=127.0.0.1:${port} STANDIN_ACTIVATION_DELAY_MS=200 ${extraConfiguration}`,
      ...inputs,
    },
  }
}

const CI = { CI: 'true' }
const warnings = (result: StepResult): string[] => result.stdout.split('\n').filter((line) => line.startsWith('::warning::'))

beforeAll(async () => {
  await requireDocker()
  await requireStandInImage()
}, 180_000)

afterEach(async () => {
  for (const name of usedNames.splice(0)) await removeContainer(name)
})

describe('licence failures, quoted from the layout LocalStack prints, each with its fix', () => {
  const reasons: [string, string, RegExp][] = [
    ['no-credentials', 'No credentials were found in the environment. Please make sure to either set the LOCALSTACK_AUTH_TOKEN variable', /Pass a CI Auth Token with auth-token/],
    ['invalid-credentials', 'The credentials defined in your environment are invalid.', /has not been reset/],
    ['invalid-format', 'The auth token defined in LOCALSTACK_AUTH_TOKEN has an invalid format.', /mistyped or truncated/],
    ['server-unreachable', 'Could not reach the LocalStack licensing server at https://api.localstack.cloud/v1.', /Let the runner reach https:\/\/api\.localstack\.cloud/],
    ['expired', 'The license has expired.', /must be active, and a CI Auth Token also needs CI credits/],
    ['suspended', 'Expected license to be ACTIVE, was SUSPENDED', /must be active/],
    ['stale', 'Offline activation failed! The cached license is too old to be used offline.', /offline licence is too old/],
    ['version-mismatch', 'The license file was created for a different LocalStack version', /pin image-tag to the version/],
    ['signature-mismatch', 'Calculated signature and license signature do not match.', /altered or corrupted/],
  ]
  for (const [failure, quoted, fix] of reasons) {
    it(`${failure}: the 2026.03+ layout`, async () => {
      const s = scenario(`55-${failure}`, `STANDIN_FAILURE=${failure}`)
      const main = await runStep('main', { inputs: s.inputs, env: CI })
      expect(main.exitCode).toBe(1)
      const error = errorAnnotation(main)
      expect(error).toMatch(/^LocalStack licence activation failed: the container exited with code 55 \("/)
      expect(error).toContain(quoted)
      expect(error).not.toContain('it printed no reason')
      expect(error).toMatch(fix)
      expect(error).toMatch(/\[activation-failed\]$/)
    })
  }

  it('the older banner and the one-line form give the same quote and fix', async () => {
    for (const layout of ['legacy', 'one-line']) {
      const s = scenario(`55-${layout}`, `STANDIN_FAILURE=expired STANDIN_LAYOUT=${layout}`)
      const main = await runStep('main', { inputs: s.inputs, env: CI })
      expect(errorAnnotation(main)).toMatch(/code 55 \("The license has expired\."\)\. Check the licence assigned to the token/)
    }
  })

  it('no credentials in a pull request from a fork: says GitHub passed no secrets, and how to skip forks', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fork-event-'))
    const eventPath = join(dir, 'event.json')
    writeFileSync(eventPath, JSON.stringify({ pull_request: { head: { repo: { full_name: 'someone/fork', fork: true } }, base: { repo: { full_name: 'org/repo' } } } }))
    const s = scenario('55-fork', 'STANDIN_FAILURE=no-credentials')
    const main = await runStep('main', { inputs: s.inputs, env: { ...CI, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath } })
    expect(errorAnnotation(main)).toMatch(/\("No credentials were found in the environment\..*"\)\. This run is a pull request from a fork, and GitHub passes no secrets to those: skip the LocalStack job for forks \(if: github\.event\.pull_request\.head\.repo\.fork == false\)/)
  })
})

describe('configuration written for eval: split like a shell, never run', () => {
  it('keeps $(…) with spaces, nested $(…), backticks and ${…} in one value each, runs nothing, and warns once', async () => {
    const marker = `/tmp/setup-localstack-dropin-pwned-${process.pid}`
    const s = scenario('substitution')
    const configuration = `${s.inputs.configuration} X=$(touch ${marker}) Y=\`touch ${marker}\` Z=\${HOME:-a b} N=$(a $(b c))\nKEEP="quoted value"`
    const main = await runStep('main', { inputs: { ...s.inputs, configuration }, env: CI })
    expect(errorAnnotation(main)).toBe('')
    const logs = await containerLogs(s.containerName)
    expect(logs).toContain(`standin.config X=${JSON.stringify(`$(touch ${marker})`)}`)
    expect(logs).toContain(`standin.config Y=${JSON.stringify(`\`touch ${marker}\``)}`)
    expect(logs).toContain('standin.config Z="${HOME:-a b}"')
    expect(logs).toContain('standin.config N="$(a $(b c))"')
    expect(logs).toContain('standin.config KEEP="quoted value"')
    expect(existsSync(marker)).toBe(false)
    const substitution = warnings(main).filter((line) => line.includes('substitution is not performed'))
    expect(substitution).toHaveLength(1)
    expect(substitution[0]).toMatch(/configuration sets X, Y, Z, N with .*compute it in an earlier step .*GITHUB_OUTPUT/)
  })

  it('accepts keys named toString, constructor and __proto__ as ordinary variables', async () => {
    const s = scenario('prototype-keys', 'toString=1 constructor=2 __proto__=3')
    const main = await runStep('main', { inputs: s.inputs, env: CI })
    expect(errorAnnotation(main)).toBe('')
    const logs = await containerLogs(s.containerName)
    for (const line of ['standin.config toString="1"', 'standin.config constructor="2"', 'standin.config __proto__="3"']) expect(logs).toContain(line)
  })
})

describe('the AWS environment of the following steps', () => {
  it('exports the endpoint on localhost.localstack.cloud, dummy credentials and a region, and a signed S3 call with them works', async () => {
    const s = scenario('aws-env')
    const main = await runStep('main', { inputs: s.inputs, env: CI })
    expect(main.exitCode).toBe(0)
    expect(main.exportedEnv).toEqual({
      AWS_ENDPOINT_URL: `http://localhost.localstack.cloud:${s.port}`,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_REGION: 'us-east-1',
    })
    expect(main.outputs['endpoint-url']).toBe(`http://127.0.0.1:${s.port}`)
    const created = await createBucket('demo', main.exportedEnv)
    expect(created.status).toBe(200)
    expect(await containerLogs(s.containerName)).toContain(`standin.s3 CreateBucket bucket=demo access-key=test region=us-east-1 host=localhost.localstack.cloud`)
  })

  it('keeps the job credentials and region, and exports nothing with skip-configure-environment', async () => {
    const own = scenario('aws-env-own')
    const kept = await runStep('main', { inputs: own.inputs, env: { ...CI, AWS_ACCESS_KEY_ID: 'AKIAOWN', AWS_SECRET_ACCESS_KEY: 'own', AWS_REGION: 'eu-west-1' } })
    expect(kept.exportedEnv).toEqual({ AWS_ENDPOINT_URL: `http://localhost.localstack.cloud:${own.port}`, AWS_DEFAULT_REGION: 'eu-west-1' })
    const skipped = scenario('aws-env-skip', '', { 'skip-configure-environment': 'true' })
    const none = await runStep('main', { inputs: skipped.inputs, env: CI })
    expect(none.exitCode).toBe(0)
    expect(none.exportedEnv).toEqual({})
  })
})

describe('every incumbent input answered', () => {
  it('skip-pull uses the image on the runner without asking a registry', async () => {
    const s = scenario('skip-pull', '', { 'pull-policy': '', 'skip-pull': 'true' })
    const main = await runStep('main', { inputs: s.inputs, env: CI })
    expect(main.exitCode).toBe(0)
    expect(main.stdout).toContain('image.present')
    expect(main.stdout).not.toMatch(/image\.pull|refresh-failed/)
  })

  it('skip-pull with the image absent fails saying so, and creates nothing', async () => {
    const s = scenario('skip-pull-absent', '', { 'pull-policy': '', 'skip-pull': 'true', image: 'localstack-stand-in/absent', 'image-tag': '2026.3' })
    const main = await runStep('main', { inputs: s.inputs, env: CI })
    expect(errorAnnotation(main)).toBe(
      'The LocalStack image is missing: localstack-stand-in/absent:2026.3 is not on this runner, and skip-pull: true forbids pulling it. Pull or load it in an earlier step (docker pull localstack-stand-in/absent:2026.3, or docker load), or remove skip-pull. [image-missing]',
    )
    expect(await containersNamed(s.containerName)).toEqual([])
  })

  it('the default policy refreshes a tag without a version, and falls back to the present image with a warning when the registry is unreachable', async () => {
    const s = scenario('pull-default', '', { 'pull-policy': '' })
    const main = await runStep('main', { inputs: s.inputs, env: CI })
    expect(main.exitCode).toBe(0)
    expect(warnings(main).join('\n')).toMatch(/image\.refresh-failed image=localstack-stand-in:test decidedBy="the default for the tag test"/)
  })

  it('an explicit pull-policy always fails when the registry cannot be reached', async () => {
    const s = scenario('pull-always', '', { 'pull-policy': 'always' })
    const main = await runStep('main', { inputs: s.inputs, env: CI })
    expect(errorAnnotation(main)).toMatch(/^Pulling the LocalStack image failed: .*\[image-pull-failed\]$/)
    expect(await containersNamed(s.containerName)).toEqual([])
  })

  it('state and preview inputs fail the step with what is unsupported and what to do, before anything starts', async () => {
    const s = scenario('unsupported', '', { 'state-action': 'save', 'state-name': 'my-pod' })
    const main = await runStep('main', { inputs: s.inputs, env: CI })
    expect(errorAnnotation(main)).toMatch(/^Inputs of localstack\/setup-localstack that this Action does not support are set: state-action, state-name \(saving and loading emulator state .*ignore-unsupported-inputs: true.*\[unsupported-input\]$/)
    expect(await containersNamed(s.containerName)).toEqual([])
  })

  it('with ignore-unsupported-inputs they only warn, and LocalStack starts', async () => {
    const s = scenario('unsupported-ignored', '', { 'preview-cmd': 'make preview', 'ignore-unsupported-inputs': 'true' })
    const main = await runStep('main', { inputs: s.inputs, env: CI })
    expect(main.exitCode).toBe(0)
    expect(warnings(main).join('\n')).toMatch(/preview-cmd \(ephemeral preview instances on LocalStack Cloud\)\. They are ignored because ignore-unsupported-inputs is true\./)
  })
})

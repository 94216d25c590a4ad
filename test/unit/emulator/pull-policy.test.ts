import { describe, expect, it } from '@jest/globals'
import { resolvePullPolicy } from '../../../src/emulator/pull-policy.js'
import { InvalidInputError } from '../../../src/errors.js'

const resolve = (pullPolicy: string, isSkipPull: boolean, image: string) => resolvePullPolicy({ pullPolicy, isSkipPull, image })

describe('resolvePullPolicy', () => {
  it('pulls a tag without a version every time, and a version tag or digest only when missing', () => {
    expect(resolve('', false, 'localstack/localstack-pro:latest')).toMatchObject({ policy: 'always', isDefault: true })
    expect(resolve('', false, 'localstack/localstack-pro:stable').policy).toBe('always')
    expect(resolve('', false, 'localstack/localstack-pro')).toMatchObject({ policy: 'always' })
    expect(resolve('', false, 'localstack/localstack-pro:2026.3')).toMatchObject({ policy: 'missing', isDefault: true })
    expect(resolve('', false, 'registry:5000/localstack:4.0.3').policy).toBe('missing')
    expect(resolve('', false, 'localstack/localstack-pro@sha256:abc').policy).toBe('missing')
  })

  it('honours an explicit policy, and skip-pull means never', () => {
    expect(resolve('Always', false, 'x:1')).toEqual({ policy: 'always', isDefault: false, decidedBy: 'pull-policy: always' })
    expect(resolve('', true, 'x:latest')).toEqual({ policy: 'never', isDefault: false, decidedBy: 'skip-pull: true' })
    expect(resolve('never', true, 'x:latest').policy).toBe('never')
  })

  it('refuses an unknown policy and a contradiction, naming both inputs', () => {
    expect(() => resolve('sometimes', false, 'x')).toThrow(new InvalidInputError('Input pull-policy is invalid: got "sometimes". It accepts always, missing or never (empty chooses by tag).'))
    expect(() => resolve('always', true, 'x')).toThrow(/skip-pull is true, which means never, but pull-policy is always\. Remove one of them\./)
  })
})

import { describe, expect, it } from '@jest/globals'
import { parseBoolean, parseContainerName, parseImage, parseNetwork, parseSeconds } from '../../../action/input-parsers.js'
import { InvalidInputError } from '../../../src/errors.js'

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['FALSE', false],
    ['', true],
  ])('reads %j', (raw, expected) => {
    expect(parseBoolean('skip-wait', raw, true)).toBe(expected)
  })

  it.each(['yes', '1', 'on', ' true'])('rejects %j instead of coercing it, listing what it accepts', (raw) => {
    expect(() => parseBoolean('skip-wait', raw, false)).toThrow(new InvalidInputError(`Input skip-wait is invalid: got "${raw}". It accepts true or false.`))
  })
})

describe('parseSeconds', () => {
  it('turns seconds into milliseconds', () => {
    expect(parseSeconds('wait-timeout', '90', 120)).toBe(90_000)
    expect(parseSeconds('wait-timeout', '', 120)).toBe(120_000)
    expect(parseSeconds('wait-timeout', '0.5', 120)).toBe(500)
  })

  it.each(['0', '-1', '2m', '7200', 'abc'])('rejects %j', (raw) => {
    expect(() => parseSeconds('wait-timeout', raw, 120)).toThrow(/^Input wait-timeout is invalid: .* seconds between 1 and 3600/)
  })
})

describe('parseImage', () => {
  it('joins the repository and the tag', () => {
    expect(parseImage('localstack/localstack-pro', 'latest')).toBe('localstack/localstack-pro:latest')
  })

  it('keeps a reference that already has a tag or a digest, and a registry port', () => {
    expect(parseImage('localhost:5000/ls/pro:2026.3', 'latest')).toBe('localhost:5000/ls/pro:2026.3')
    expect(parseImage('localhost:5000/ls/pro', 'v1')).toBe('localhost:5000/ls/pro:v1')
    expect(parseImage('ls/pro@sha256:abc', 'latest')).toBe('ls/pro@sha256:abc')
  })

  it('rejects a value with spaces or shell syntax', () => {
    expect(() => parseImage('ls; rm -rf /', 'latest')).toThrow(/^Input image is invalid/)
    expect(() => parseImage('ls/pro', 'a b')).toThrow(/^Input image-tag is invalid/)
  })
})

describe('parseContainerName and parseNetwork', () => {
  it('accept Docker names', () => {
    expect(parseContainerName('localstack-main')).toBe('localstack-main')
    expect(parseNetwork('host')).toBe('host')
    expect(parseNetwork('')).toBeUndefined()
  })

  it('reject anything else', () => {
    expect(() => parseContainerName('-x')).toThrow(/^Input container-name is invalid/)
    expect(() => parseNetwork('a b')).toThrow(/^Input network is invalid/)
  })
})

import { describe, expect, it } from '@jest/globals'
import { formatError } from '../../../action/format-error.js'
import { MissingTokenError } from '../../../src/errors.js'

describe('formatError', () => {
  it('shows a named error as its message followed by its code', () => {
    expect(formatError(new MissingTokenError('No LocalStack token: x. Do y.'))).toBe('No LocalStack token: x. Do y. [missing-token]')
  })

  it('says when a failure was not foreseen, whatever was thrown', () => {
    expect(formatError('boom')).toMatch(/^setup-localstack failed unexpectedly: boom\. Re-run the job with debug logging/)
    expect(formatError(new TypeError('x is undefined'))).toMatch(/unexpectedly: x is undefined\./)
  })
})

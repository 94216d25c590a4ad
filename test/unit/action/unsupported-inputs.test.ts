import { describe, expect, it } from '@jest/globals'
import { unsupportedInputsProblem } from '../../../action/unsupported-inputs.js'
import { UnsupportedInputError } from '../../../src/errors.js'

describe('unsupportedInputsProblem', () => {
  it('says which inputs are unsupported, what they did, and what to do instead', () => {
    const problem = unsupportedInputsProblem({ 'state-action': 'save', 'state-name': 'pod', 'preview-cmd': 'make preview' })
    expect(problem?.error).toBeInstanceOf(UnsupportedInputError)
    expect(problem?.error.message).toBe(
      'Inputs of localstack/setup-localstack that this Action does not support are set: state-action, state-name (saving and loading emulator state (cloud pods, local state files)); preview-cmd (ephemeral preview instances on LocalStack Cloud). ' +
        'This Action would start LocalStack without doing that work, so it stops here. Instead, for state, save or load it in a later step with the LocalStack CLI against the exported endpoint (localstack pod save/load, localstack state export/import); ' +
        'for previews, keep localstack/setup-localstack for the preview job (this Action starts the emulator on the runner only); or set ignore-unsupported-inputs: true to start LocalStack without it.',
    )
  })

  it('lets empty inputs and the incumbent defaults pass', () => {
    expect(unsupportedInputsProblem({ 'state-backend': 'cloud-pods', lifetime: '30', 'skip-ephemeral-stop': 'true', 'state-action': '' })).toBeUndefined()
    expect(unsupportedInputsProblem({ 'state-backend': 'local' })?.error.message).toMatch(/are set: state-backend \(/)
  })
})

import { UnsupportedInputError } from '../src/errors.js'

/**
 * Inputs of localstack/setup-localstack that this Action cannot honour, grouped by the feature they drive, with what
 * to do instead. `noOp` lists the incumbent's own defaults: copying them changes nothing there either, so they pass.
 */
const FEATURES = [
  {
    inputs: ['state-backend', 'state-action', 'state-name'],
    noOp: { 'state-backend': 'cloud-pods' } as Record<string, string>,
    what: 'saving and loading emulator state (cloud pods, local state files)',
    short: 'state',
    instead: 'save or load it in a later step with the LocalStack CLI against the exported endpoint (localstack pod save/load, localstack state export/import)',
  },
  {
    inputs: ['preview-cmd', 'include-preview', 'lifetime', 'auto-load-pod', 'extension-auto-install', 'skip-ephemeral-stop'],
    noOp: { lifetime: '30', 'skip-ephemeral-stop': 'true', 'include-preview': 'false' } as Record<string, string>,
    what: 'ephemeral preview instances on LocalStack Cloud',
    short: 'previews',
    instead: 'keep localstack/setup-localstack for the preview job (this Action starts the emulator on the runner only)',
  },
] as const

export const UNSUPPORTED_INPUTS = FEATURES.flatMap((feature) => feature.inputs)

/**
 * The one message for the unsupported inputs a workflow set, or undefined when it set none. With the opt-out it is a
 * warning; otherwise the step fails, because a workflow that relied on `state-action: save` would silently save nothing.
 */
export function unsupportedInputsProblem(values: Readonly<Record<string, string>>): { error: UnsupportedInputError; warning: string } | undefined {
  const parts: string[] = []
  const advice: string[] = []
  for (const feature of FEATURES) {
    const set = feature.inputs.filter((name) => {
      const value = values[name] ?? ''
      return value !== '' && value !== (Object.hasOwn(feature.noOp, name) ? feature.noOp[name] : undefined)
    })
    if (set.length === 0) continue
    parts.push(`${set.join(', ')} (${feature.what})`)
    advice.push(`for ${feature.short}, ${feature.instead}`)
  }
  if (parts.length === 0) return undefined
  const what = `Inputs of localstack/setup-localstack that this Action does not support are set: ${parts.join('; ')}`
  return {
    error: new UnsupportedInputError(`${what}. This Action would start LocalStack without doing that work, so it stops here. Instead, ${advice.join('; ')}; or set ignore-unsupported-inputs: true to start LocalStack without it.`),
    warning: `${what}. They are ignored because ignore-unsupported-inputs is true.`,
  }
}

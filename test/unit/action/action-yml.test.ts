import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import type { ActionOutputs } from '../../../action/outputs.js'
import { DEPRECATED_INPUTS, INPUT_NAMES } from '../../../action/settings.js'

interface ActionYml {
  inputs: Record<string, { description?: string; default?: string; deprecationMessage?: string }>
  outputs: Record<string, { description?: string }>
  runs: { using: string; main: string; post: string }
}

const actionYml = parse(readFileSync(join(import.meta.dirname, '../../../action.yml'), 'utf8')) as ActionYml

// Compile-time list of the outputs: a key missing here or in ActionOutputs fails the type check.
const OUTPUT_NAMES: Record<keyof ActionOutputs, true> = {
  'endpoint-url': true,
  'container-id': true,
  'container-name': true,
  version: true,
  edition: true,
  'license-activated': true,
  'session-id': true,
  'token-kind': true,
  'startup-seconds': true,
}

describe('action.yml', () => {
  it('declares exactly the inputs the settings schema reads', () => {
    expect(Object.keys(actionYml.inputs).sort()).toEqual([...INPUT_NAMES].sort())
  })

  it('declares exactly the outputs the Action sets', () => {
    expect(Object.keys(actionYml.outputs).sort()).toEqual(Object.keys(OUTPUT_NAMES).sort())
  })

  it('documents every input and output', () => {
    for (const entry of [...Object.values(actionYml.inputs), ...Object.values(actionYml.outputs)]) expect(entry.description?.length).toBeGreaterThan(10)
  })

  it('marks exactly the retired inputs with a deprecationMessage', () => {
    const deprecated = Object.entries(actionYml.inputs).filter(([, input]) => input.deprecationMessage !== undefined).map(([name]) => name)
    expect(deprecated.sort()).toEqual(Object.keys(DEPRECATED_INPUTS).sort())
  })

  it('accepts every input of the incumbent composite action that a workflow switching uses: lines needs', () => {
    for (const name of ['image-tag', 'configuration', 'skip-wait', 'use-pro', 'install-awslocal', 'skip-startup']) expect(actionYml.inputs).toHaveProperty(name)
  })

  it('runs the committed bundles on node24 with a post step', () => {
    expect(actionYml.runs).toMatchObject({ using: 'node24', main: 'dist/main/index.js', post: 'dist/post/index.js' })
  })
})

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

interface ExampleGroup {
  name: string
  examples: Record<string, unknown>[]
}

let groups: ExampleGroup[] | undefined

/**
 * A deep copy of a real payload from `@octokit/webhooks-examples` (api.github.com): builders start from it and fill it
 * from the model, so fields the model does not know keep GitHub's real shape.
 */
export function examplePayload(event: string, pick: (example: Record<string, unknown>) => boolean): Record<string, unknown> {
  if (!groups) {
    const file = createRequire(import.meta.url).resolve('@octokit/webhooks-examples/api.github.com/index.json')
    groups = JSON.parse(readFileSync(file, 'utf8')) as ExampleGroup[]
  }
  const example = groups.find((group) => group.name === event)?.examples.find(pick)
  if (!example) throw new Error(`@octokit/webhooks-examples has no ${event} example of the wanted shape`)
  return structuredClone(example)
}

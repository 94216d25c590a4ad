import { readFileSync } from 'node:fs'

/**
 * The `NODE_OPTIONS` the bot's image sets (its Dockerfile's `ENV`), so the e2e tests and benchmarks run the bot with
 * the heap it has in production: the memory it shows there is the memory it shows in the container.
 */
export function imageNodeOptions(dockerfile: string): string {
  const found = /^\s*NODE_OPTIONS="([^"]*)"/m.exec(dockerfile)?.[1]
  if (found === undefined || found.trim() === '') {
    throw new Error('The bot image\'s NODE_OPTIONS could not be read: the Dockerfile has no NODE_OPTIONS="…" line in its ENV. Restore it, or change test/support/image-node-options.ts with it.')
  }
  return found
}

/** `imageNodeOptions` of the Dockerfile at `path`. */
export function readImageNodeOptions(path: string): string {
  return imageNodeOptions(readFileSync(path, 'utf8'))
}

import { InvalidInputError } from '../../src/errors.js'
import { classifyToken, type TokenClassification, type TokenKind } from '../../src/tokens/index.js'
import type { CliIo } from '../cli-io.js'
import type { TokenCommand } from '../parse-args.js'
import { canHideInput, readHiddenLine } from '../read-hidden.js'

/** A token is under 100 characters; more than this on stdin is something else piped in by mistake. */
const MAX_STDIN_BYTES = 64 * 1024

const DESCRIPTIONS: Readonly<Record<TokenKind, string>> = {
  'ci-token': 'CI Auth Token, checksum valid.',
  'developer-token': 'Developer Auth Token (personal), checksum valid. It cannot be used in CI: use a CI Auth Token (lsci-) there.',
  'auth-token': 'Auth Token with a prefix other than ls- or lsci-, checksum valid.',
  malformed:
    'shaped like an Auth Token, but the checksum or the shape is wrong (mistyped, truncated, or a placeholder). Copy the token again from the LocalStack web app.',
  'legacy-key':
    'a legacy API key (no ls…- prefix). Legacy API keys are being phased out and stop activating: create an Auth Token in the LocalStack web app and use LOCALSTACK_AUTH_TOKEN.',
}

/**
 * `localstack-guard token`: classifies the token on stdin and prints its kind, never the token. Exit 0 only for a
 * checksum-valid Auth Token; a legacy API key exits 1 although it has no checksum to fail, because it no longer
 * activates (docs/facts.md §2).
 */
export async function runTokenCommand(command: TokenCommand, io: Pick<CliIo, 'stdin' | 'stdout' | 'stderr'>): Promise<number> {
  const input = await readInput(io)
  if (input.trim() === '') {
    throw new InvalidInputError(
      'No token to classify: standard input was empty. Pipe the token in, for example: printf \'%s\' "$LOCALSTACK_AUTH_TOKEN" | localstack-guard token.',
    )
  }
  const classification = classifyToken(input)
  io.stdout.write(command.format === 'json' ? `${JSON.stringify(toJson(classification))}\n` : `${describe(classification)}\n`)
  return isUsableAuthToken(classification) ? 0 : 1
}

function describe(classification: TokenClassification): string {
  return `${classification.kind}: ${DESCRIPTIONS[classification.kind]}`
}

function toJson(classification: TokenClassification): TokenClassification {
  return { kind: classification.kind, isValid: classification.isValid }
}

function isUsableAuthToken(classification: TokenClassification): boolean {
  return classification.isValid && classification.kind !== 'legacy-key' && classification.kind !== 'malformed'
}

/** From a terminal: one line with echo off. From a pipe: everything, bounded. */
async function readInput(io: Pick<CliIo, 'stdin' | 'stderr'>): Promise<string> {
  if (canHideInput(io.stdin)) {
    io.stderr.write('Paste the token, then press Enter (it is not shown).\n')
    return readHiddenLine(io.stdin, MAX_STDIN_BYTES)
  }
  if (io.stdin.isTTY === true) io.stderr.write('Paste the token, then press Enter and Ctrl-D.\n')
  return readAll(io.stdin)
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    size += buffer.length
    if (size > MAX_STDIN_BYTES) {
      throw new InvalidInputError(
        `Standard input is not one token: more than ${MAX_STDIN_BYTES} bytes arrived. Pipe only the token into localstack-guard token.`,
      )
    }
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

import { generateLegacyKey, generateToken } from '../support/generate-token.js'

/** A corpus of code-like text with a known number of planted tokens and legacy keys. */
export interface Corpus {
  readonly text: string
  readonly plantedTokens: number
  readonly plantedLegacyKeys: number
}

// Lines in the style of the files the scanner meets: source, YAML, shell, env files, prose, near misses.
const TEMPLATES: readonly ((i: number) => string)[] = [
  (i) => `export function handler${i}(event, context) { return process.env.AWS_REGION ?? "us-east-1" }`,
  (i) => `    result_${i} = client.list_objects_v2(Bucket="bucket-${i}", Prefix="logs/")  # paginate later`,
  (i) => `  - name: step ${i}\n    run: aws --endpoint-url=http://localhost:4566 s3 ls s3://bucket-${i}`,
  (i) => `LOCALSTACK_AUTH_TOKEN=\${{ secrets.LOCALSTACK_AUTH_TOKEN }} # job ${i}`,
  (i) => `if [ -z "$VAR_${i}" ]; then ls -la /tmp/lsof-${i} && echo "false alarm"; fi`,
  (i) => `const api_key_${i} = config.get("service.api_key"); // not a LocalStack key`,
  (i) => `| ${i} | lsblk output | else: lambda x: x + ${i} | ls-${i}-not-a-token |`,
  (i) => `{"id": ${i}, "name": "item-${i}", "tags": ["alpha", "beta"], "enabled": true, "lsn": ${i * 7}}`,
]

/** Builds at least `targetBytes` characters, planting one token every `tokenEvery` lines and a legacy key every 10. */
export function buildCorpus(targetBytes: number, tokenEvery = 2000): Corpus {
  const lines: string[] = []
  let size = 0
  let plantedTokens = 0
  let plantedLegacyKeys = 0
  for (let i = 0; size < targetBytes; i++) {
    let line = TEMPLATES[i % TEMPLATES.length]!(i)
    if (i % tokenEvery === tokenEvery - 1) {
      const plant = plantedTokens + plantedLegacyKeys
      const isLegacy = plant % 10 === 9
      line = isLegacy ? `export LOCALSTACK_API_KEY="${generateLegacyKey()}"` : `LOCALSTACK_AUTH_TOKEN=${generateToken(plant % 3 === 0 ? 'ls-' : 'lsci-')}`
      if (isLegacy) plantedLegacyKeys++
      else plantedTokens++
    }
    lines.push(line)
    size += line.length + 1
  }
  return { text: `${lines.join('\n')}\n`, plantedTokens, plantedLegacyKeys }
}

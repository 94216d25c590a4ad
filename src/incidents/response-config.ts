import { z } from 'zod'

const REPOSITORY = /^[\w.-]+\/[\w.-]+$/
/** GitHub's rule for secret names: letters, digits and underscores, not starting with a digit or GITHUB_. */
const SECRET_NAME = /^(?!GITHUB_)[A-Za-z_][A-Za-z0-9_]*$/

/** The `alerts` keys of the leak response (beside `team`, `assignees` and `labels`). */
export const alertResponseKeys = {
  repository: z.string().regex(REPOSITORY, 'must name a repository as "org/name"').optional(),
  'repository-for': z.enum(['public', 'all']).default('public'),
  'max-issues-per-push': z.number().int().min(1).max(100).default(10),
  'escalate-after-hours': z.number().min(0.01).max(24 * 30).default(24),
  webhook: z
    .object({
      url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
      format: z.enum(['json', 'slack']).default('json'),
    })
    .strict()
    .optional(),
}

/** One Actions secret that holds the LocalStack token: watched for a rotation, written with the new token. */
export const secretTargetSchema = z
  .object({
    name: z.string().regex(SECRET_NAME, 'must be a secret name (letters, digits, underscores)'),
    environment: z.string().regex(/^[^\s/][^/]{0,254}$/, 'must be an environment name').optional(),
    organization: z.boolean().default(false),
    repository: z.string().regex(REPOSITORY, 'must name a repository as "org/name"').optional(),
  })
  .strict()
  .refine((target) => !(target.organization && (target.environment !== undefined || target.repository !== undefined)), 'an organisation secret has no environment or repository')

/** `rotation`: manual by default; the organisation's own service only when asked for, and in dry-run first. */
export const rotationSchema = z
  .object({
    provider: z.enum(['manual', 'webhook']).default('manual'),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    'dry-run': z.boolean().default(true),
    'send-token': z.boolean().default(false),
    'timeout-seconds': z.number().min(1).max(120).default(10),
  })
  .strict()
  .refine((rotation) => rotation.provider !== 'webhook' || rotation.url !== undefined, { message: 'provider webhook needs a url', path: ['url'] })

export const DEFAULT_SECRETS = [{ name: 'LOCALSTACK_AUTH_TOKEN', organization: false }]

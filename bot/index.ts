import type { ApplicationFunctionOptions, Probot } from 'probot'
import { createGuardApp } from './create-app.js'
import { openDatabase } from './store/sqlite-database.js'

/** Where the embedded state lives unless GUARD_DATABASE_PATH says otherwise. */
const DEFAULT_DATABASE_PATH = 'data/localstack-guard.sqlite'

/** The composition root of the bot: the only place in bot/ that reads the environment. */
export default function localstackGuard(app: Probot, options: ApplicationFunctionOptions): void {
  const env = process.env
  const databasePath = env.GUARD_DATABASE_PATH ?? DEFAULT_DATABASE_PATH
  const webBaseUrl = env.GHE_HOST === undefined || env.GHE_HOST === '' ? 'https://github.com' : `${env.GHE_PROTOCOL ?? 'https'}://${env.GHE_HOST}`
  createGuardApp({ db: openDatabase(databasePath), webBaseUrl, workers: Number(env.GUARD_WORKERS ?? 4) })(app, options)
  app.log.info({ event: 'bot.started', database: databasePath, webBaseUrl }, 'bot.started')
}

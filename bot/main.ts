import { run } from 'probot'
import { createPacedOctokit } from './github/write-pacing.js'
import app from './index.js'

// Do not add logic here: Probot's run() reads its own environment (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, PORT ...).
await run(app, { Octokit: createPacedOctokit() })

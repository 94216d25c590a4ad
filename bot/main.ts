import { run } from 'probot'
import app from './index.js'

// Do not add logic here: Probot's run() reads its own environment (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, PORT ...).
await run(app)

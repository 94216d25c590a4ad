import { start } from './index.js'

// Do not add logic here: bot/index.ts is the composition root.
await start()

// Entry of the main step: no logic here (docs/style.md §1); see run.ts.
import { run } from './run.js'

await run()

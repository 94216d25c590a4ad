// Entry of the main step: no logic here (STYLE.md §1); see run.ts.
import { run } from './run.js'

await run()

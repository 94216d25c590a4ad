// Entry of the post step: no logic here (docs/style.md §1); see post-run.ts.
import { postRun } from './post-run.js'

await postRun()

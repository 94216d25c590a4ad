/** Keys the main step saves (`core.saveState`) for the post step (`core.getState`). */
export const STATE = {
  containerId: 'container-id',
  containerName: 'container-name',
  isMainFailed: 'main-failed',
} as const

import { createServer } from 'node:net'
import type { PortProbe } from '../src/ports.js'

/**
 * Tries to listen on the port for an instant. Probing the wildcard address conflicts with a listener on any
 * interface, which is what matters for both Docker's published ports and a host-network emulator.
 */
export const netPortProbe: PortProbe = {
  isPortFree: (port, host = '0.0.0.0') =>
    new Promise((resolve) => {
      const server = createServer()
      server.once('error', () => resolve(false))
      server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)))
    }),
}

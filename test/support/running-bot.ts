import type { AddressInfo } from 'node:net';

import type { Server } from 'restify';

// Start and stop a bot server on an ephemeral loopback port, the way every HTTP-level test does.

/** Listens on 127.0.0.1 and returns the server's base URL. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Drops open keep-alive sockets, then closes the server. */
export async function closeServer(server: Server): Promise<void> {
  server.server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

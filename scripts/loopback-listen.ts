// Preloaded into the Agents Playground (`node -r dist/scripts/loopback-listen.js cli.js`). Its CLI has
// no host option and listens with `server.listen(port)`, which is every interface: anyone on the network
// could chat with the bot. A listen call without a host gets RELAY_DOCTOR_LISTEN_HOST (127.0.0.1).
import net from 'node:net';

const host = process.env.RELAY_DOCTOR_LISTEN_HOST || '127.0.0.1';
const listen = net.Server.prototype.listen;

function withHost(args: unknown[]): unknown[] {
  const [first, second] = args;
  const isPort = typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first));
  if (isPort) return typeof second === 'string' ? args : [first, host, ...args.slice(1)];
  if (
    first &&
    typeof first === 'object' &&
    !('path' in first) &&
    !('fd' in first) &&
    !('handle' in first) &&
    !('_handle' in first)
  ) {
    const options = first as net.ListenOptions;
    return options.host ? args : [{ ...options, host }, ...args.slice(1)];
  }
  if (first === undefined || typeof first === 'function') return [0, host, ...args];
  return args;
}

net.Server.prototype.listen = function listenOnHost(this: net.Server, ...args: unknown[]) {
  return (listen as (...a: unknown[]) => net.Server).apply(this, withHost(args));
} as typeof net.Server.prototype.listen;

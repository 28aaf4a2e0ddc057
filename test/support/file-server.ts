import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for the SharePoint/OneDrive download URL Teams puts in a file attachment (Teams and
// SharePoint cannot run here). Serves fixed bodies by path, redirects where told, and counts every request
// so a test can show a refused URL was never fetched.

export interface FileRoute {
  body?: Uint8Array | string;
  /** Answer 302 with this Location instead. */
  redirect?: string;
  /** Send headers, then never finish the body (timeout tests). */
  stall?: boolean;
}

export class FileServer {
  readonly requests: string[] = [];
  private readonly routes = new Map<string, FileRoute>();
  private server?: http.Server;

  get port(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  /** `http://<host>:<port><path>`; the host name decides whether the bot's allow-list lets it through. */
  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  route(path: string, route: FileRoute): this {
    this.routes.set(path, route);
    return this;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      this.requests.push(req.url ?? '');
      const route = this.routes.get(req.url ?? '');
      // restify patches ServerResponse so writeHead returns nothing: no chaining.
      if (!route) {
        res.writeHead(404);
        res.end();
      } else if (route.redirect) {
        res.writeHead(302, { location: route.redirect });
        res.end();
      } else if (route.stall) {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.write('x');
      } else {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(route.body ?? '');
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { proxyRequests } from '@discordjs/proxy';
import { REST, RESTEvents } from '@discordjs/rest';
import type { ProxyConfig } from '../env';
import { ProxyListenError } from '../errors';
import { describeError, type Logger, loggablePath } from '../log';
import { budgetedRequests } from './send-budget';

/** Marks what this proxy sends on, so a proxy that is pointed at itself (or a chain) refuses it. */
const VIA = '1.1 quizdeck-proxy';

export interface RunningProxy {
  /** What the bots set as DISCORD_API_URL (discord.js appends `/v10`). */
  url: string;
  /** Stops taking requests, lets those under way finish for up to `graceMs`, then closes. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * `@discordjs/proxy` in front of one bot token: every bot process sends its REST requests here and
 * one discord.js REST queue keeps them within the token's per-route and global limits. The bots'
 * Authorization header is passed on as it came (never logged); a 429 from Discord is waited out
 * and retried here, so the bots never see one. Successful answers lose their X-RateLimit headers
 * (the proxy does the bucket keeping, not each bot).
 */
export async function startRestProxy(config: ProxyConfig, log: Logger): Promise<RunningProxy> {
  const rest = new REST({
    ...(config.upstreamUrl ? { api: config.upstreamUrl } : {}),
    globalRequestsPerSecond: config.globalPerSecond,
    makeRequest: budgetedRequests(config.globalPerSecond),
    headers: { Via: VIA },
  });
  // Counted as Discord answers them: a 429 here is one the budget did not prevent.
  let refused = 0;
  rest.on(RESTEvents.Response, (request, response) => {
    if (response.status !== 429) return;
    refused += 1;
    const scope = response.headers.get('x-ratelimit-scope') ?? 'user';
    log.info(
      `Discord answered 429 (${scope}) to ${request.method.toUpperCase()} ${loggablePath(request.path)}; retrying after ${response.headers.get('retry-after')} s`,
    );
  });
  const forward = proxyRequests(rest);
  let underWay = 0;
  let served = 0;
  let settled: () => void = () => {};

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    if (String(req.headers.via ?? '').includes('quizdeck-proxy')) {
      log.error(
        'a request came back through this proxy: its DISCORD_API_URL must be Discord, not a proxy',
      );
      return answer(res, 508, 'the quizdeck proxy received its own request (loop)');
    }
    if (!path.startsWith('/api/')) {
      return answer(
        res,
        404,
        `Discord's API is under /api: set the bots' DISCORD_API_URL to http://${req.headers.host ?? 'HOST:PORT'}/api`,
      );
    }
    try {
      await forward(req, res);
    } catch (err) {
      log.error(`${req.method} ${loggablePath(path)}: not forwarded`, err);
      if (!res.headersSent)
        answer(res, 502, `the quizdeck proxy could not reach Discord: ${describeError(err)}`);
      else res.destroy();
    }
    served += 1;
    log.debug(
      `${req.method} ${loggablePath(path)} → ${res.statusCode} in ${Date.now() - started} ms`,
    );
  };

  const server = createServer((req, res) => {
    underWay += 1;
    void handle(req, res).finally(() => {
      underWay -= 1;
      if (underWay === 0) settled();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new ProxyListenError(`${config.host}:${config.port}`, err.code ?? err.message)),
    );
    server.listen(config.port, config.host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const url = `http://${host}:${port}/api`;
  log.info(
    `listening on ${url}, sending on to ${rest.options.api}; ${config.globalPerSecond} requests/s`,
  );

  return {
    url,
    async stop(graceMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (underWay > 0) {
        const drained = new Promise<void>((resolve) => {
          settled = resolve;
        });
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<'late'>((resolve) => {
          timer = setTimeout(() => resolve('late'), graceMs);
        });
        if ((await Promise.race([drained, late])) === 'late') {
          log.info(`shutdown: ${underWay} request(s) still under way after ${graceMs} ms; closing`);
        }
        clearTimeout(timer);
      }
      server.closeAllConnections();
      await closed;
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
      log.info(`stopped after ${served} request(s); Discord answered ${refused} with 429`);
    },
  };
}

function answer(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ message, code: 0 }));
}

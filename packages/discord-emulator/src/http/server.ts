import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../core';
import { ApiError, notFound, unauthorized } from './api-error';
import { parseMultipart, UPLOADS, type Upload } from './multipart';
import { matchRoute, type RouteDef } from './route';

export interface RequestLogEntry {
  method: string;
  path: string;
  /** `'PUT /channels/:channelId/...'`, or `undefined` for unknown routes. */
  route: string | undefined;
  status: number;
  body: unknown;
  botId: string | null;
  at: number;
}

const PREFIX = '/api/v10';

/** Answers one REST request: routing, auth, rate limits, JSON in and out, Discord's errors. */
export async function handleRest(
  core: Core,
  routes: RouteDef[],
  log: RequestLogEntry[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = (req.method ?? 'GET').toUpperCase();
  const raw = await readBody(req);
  const path = url.pathname.startsWith(`${PREFIX}/`) ? url.pathname.slice(PREFIX.length) : '';
  const entry: RequestLogEntry = {
    method,
    path: path || url.pathname,
    route: undefined,
    status: 0,
    body: undefined,
    botId: null,
    at: Date.now(),
  };
  log.push(entry);
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    entry.status = status;
    res.writeHead(status, {
      ...headers,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
    core.store.changed();
  };
  const matched = path ? matchRoute(routes, method, path) : undefined;
  if (!matched) return reply(404, notFound().body());
  entry.route = `${method} ${matched.def.template}`;
  let bot = null;
  if (matched.def.auth) {
    const auth = req.headers.authorization ?? '';
    bot = auth.startsWith('Bot ') ? (core.store.botByToken(auth.slice(4)) ?? null) : null;
    if (!bot) return reply(401, unauthorized().body());
    entry.botId = bot.user.id;
  }
  let body: Record<string, unknown> = {};
  try {
    body = parseBody(raw, req.headers['content-type'] ?? '');
  } catch (error) {
    if (error instanceof ApiError) return reply(error.status, error.body());
    throw error;
  }
  entry.body = raw.length ? body : undefined;
  const decision = core.rateLimiter.check({
    method,
    path,
    route: entry.route,
    major: matched.major,
    botId: bot?.user.id ?? null,
  });
  if (decision.limited) return reply(429, decision.limited.body, decision.limited.headers);
  const fault = core.serverErrors.take(method, path, entry.route);
  const gatewayError = (status: number) =>
    reply(status, { message: `${status}: Bad Gateway`, code: 0 }, decision.headers);
  if (fault && !fault.afterHandling) return gatewayError(fault.status);
  const hold = core.holds.take(method, path, entry.route);
  if (hold && !hold.afterHandling) await hold.hold(method, path);
  try {
    const result = matched.def.handler({
      core,
      method,
      path,
      params: matched.params,
      query: url.searchParams,
      body,
      bot,
    });
    if (hold?.afterHandling) {
      core.store.changed();
      await hold.hold(method, path);
    }
    if (fault) return gatewayError(fault.status);
    reply(result.status, result.body, decision.headers);
  } catch (error) {
    if (error instanceof ApiError) return reply(error.status, error.body(), decision.headers);
    const message = error instanceof Error ? error.message : String(error);
    reply(500, { message: `emulator error: ${message}`, code: 0 });
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(raw: Buffer, contentType: string): Record<string, unknown> {
  if (raw.length === 0) return {};
  let text: string;
  let uploads: Upload[] | undefined;
  if (contentType.startsWith('multipart/form-data')) {
    // discord.js sends multipart when a message has files: their sizes and hashes are kept.
    const parts = parseMultipart(raw, contentType);
    text = parts.json ?? '{}';
    uploads = parts.uploads;
  } else text = raw.toString('utf8');
  try {
    const parsed: unknown = JSON.parse(text);
    // Array bodies (command bulk overwrites) reach handlers as `items`.
    if (Array.isArray(parsed)) return { items: parsed };
    const body = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    return uploads?.length ? { ...body, [UPLOADS]: uploads } : body;
  } catch {
    throw new ApiError(400, 50109, 'The request body contains invalid JSON.');
  }
}

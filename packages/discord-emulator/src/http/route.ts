import type { Core } from '../core';
import { EmulatorError } from '../errors';
import type { BotRecord } from '../state/types';

export interface ApiRequest {
  core: Core;
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** The bot whose token authorised the request; `null` on token-less (webhook) routes. */
  bot: BotRecord | null;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
}

export interface RouteDef {
  method: string;
  /** `/channels/:channelId/messages`, matched segment by segment. */
  template: string;
  /** Webhook and interaction-callback routes take no bot token. */
  auth: boolean;
  handler: (req: ApiRequest) => ApiResponse;
}

export function route(
  method: string,
  template: string,
  handler: (req: ApiRequest) => ApiResponse,
  auth = true,
): RouteDef {
  return { method, template, handler, auth };
}

/** The bot of an authorised route (the server guarantees it). */
export function botOf(req: ApiRequest): BotRecord {
  if (!req.bot) {
    throw new EmulatorError('EMU_INTERNAL', `route ${req.method} ${req.path} used without a bot`);
  }
  return req.bot;
}

export function param(req: ApiRequest, name: string): string {
  return req.params[name] ?? '';
}

export interface MatchedRoute {
  def: RouteDef;
  params: Record<string, string>;
  /** The rate-limit major parameter: channel, guild or webhook id. */
  major: string;
}

export function matchRoute(
  routes: RouteDef[],
  method: string,
  path: string,
): MatchedRoute | undefined {
  const parts = path.split('/').filter(Boolean);
  for (const def of routes) {
    if (def.method !== method) continue;
    const tparts = def.template.split('/').filter(Boolean);
    if (tparts.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = tparts.every((t, i) => {
      const value = parts[i] ?? '';
      if (t.startsWith(':')) {
        params[t.slice(1)] = decodeURIComponent(value);
        return true;
      }
      return t === value;
    });
    if (ok) {
      const major =
        params.channelId ?? params.guildId ?? params.webhookId ?? params.interactionId ?? '';
      return { def, params, major };
    }
  }
  return undefined;
}

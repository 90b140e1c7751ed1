/**
 * Which requests a test's injection (429, 5xx, held answer) applies to: a route template
 * (`'POST /channels/:channelId/messages'`), a RegExp tested against `'<METHOD> <path>'` (path
 * without `/api/v10`), or omitted for any route.
 */
export type RouteFilter = string | RegExp | undefined;

export function routeMatches(filter: RouteFilter, method: string, path: string, route: string) {
  if (filter === undefined) return true;
  return typeof filter === 'string' ? filter === route : filter.test(`${method} ${path}`);
}

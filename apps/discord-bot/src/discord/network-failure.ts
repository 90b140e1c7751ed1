// Node and undici codes of a request that never reached an answer (what @discordjs/rest throws
// as it got them: a refused connect is `ECONNREFUSED`, a socket closed under it `UND_ERR_SOCKET`).
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/**
 * Why a request to Discord's API got no answer at all (the network, DNS, a proxy in between that
 * is down), as the error's code or `timeout` (discord.js aborted it after its tries); undefined
 * for anything else, an answer from Discord (4xx, 5xx) included.
 */
export function networkFailure(err: unknown): string | undefined {
  const e = err as { code?: unknown; name?: unknown; cause?: { code?: unknown } } | null;
  const network = [e?.code, e?.cause?.code].find(
    (c) => typeof c === 'string' && NETWORK_CODES.has(c),
  );
  if (typeof network === 'string') return network;
  return e?.name === 'AbortError' ? 'timeout' : undefined;
}

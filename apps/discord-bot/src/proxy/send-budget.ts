import { DefaultRestOptions, type RESTOptions } from '@discordjs/rest';

type MakeRequest = RESTOptions['makeRequest'];
type Init = Parameters<MakeRequest>[1];

/**
 * Discord counts the global limit over any second as requests reach it, not over a second that
 * restarts (discord.js's own limiter restarts its count every second, and so can send 50 at the
 * end of one and 50 at the start of the next), and when a request reaches Discord is known here
 * only to lie between its leaving and its answer. So a request holds a place in the budget from
 * when it leaves until a second after its answer came back: 51 requests could then reach Discord
 * within one second only if one of them had left while 50 held places, which none does, however
 * long the way there takes. The cost is the round trip: about 50 / (1 s + round trip) a second.
 */
export const BUDGET_WINDOW_MS = 1000;

/**
 * The proxy's way out to Discord (discord.js's `makeRequest`, run once per attempt):
 * - a request with the bot's token waits its turn, first come first served, while `perWindow`
 *   requests hold places (see BUDGET_WINDOW_MS); interaction callbacks and webhook calls carry
 *   no token and are not bound to the global limit, so they go at once;
 * - a body that streams in from the bot process is read once and kept, so a request discord.js
 *   retries (after a 429 or a 5xx) sends the same bytes again instead of an empty body.
 */
export function budgetedRequests(
  perWindow: number,
  send: MakeRequest = DefaultRestOptions.makeRequest,
): MakeRequest {
  let inFlight = 0;
  /** When the answers of the last requests came back, oldest first. */
  const answeredAt: number[] = [];
  let answered: () => void = () => {};
  let nextAnswer = new Promise<void>((resolve) => {
    answered = resolve;
  });
  let line: Promise<void> = Promise.resolve();
  const bodies = new WeakMap<object, Promise<Buffer>>();

  const turn = () => {
    const mine = line.then(async () => {
      for (;;) {
        const now = Date.now();
        while (answeredAt.length && (answeredAt[0] as number) <= now - BUDGET_WINDOW_MS) {
          answeredAt.shift();
        }
        if (inFlight + answeredAt.length < perWindow) {
          inFlight += 1;
          return;
        }
        const oldest = answeredAt[0];
        if (oldest === undefined) await nextAnswer;
        else await new Promise((r) => setTimeout(r, oldest + BUDGET_WINDOW_MS - now + 1));
      }
    });
    line = mine;
    return mine;
  };
  const release = () => {
    inFlight -= 1;
    answeredAt.push(Date.now());
    answered();
    nextAnswer = new Promise<void>((resolve) => {
      answered = resolve;
    });
  };

  const replayable = (body: Init['body']): Init['body'] | Promise<Buffer> => {
    if (!isStream(body)) return body;
    let read = bodies.get(body);
    if (!read) {
      read = readAll(body);
      bodies.set(body, read);
    }
    return read;
  };

  return async (url, init) => {
    const body = await replayable(init.body);
    const request = body === undefined ? init : { ...init, body };
    if (!carriesToken(init.headers)) return send(url, request);
    await turn();
    try {
      return await send(url, request);
    } finally {
      release();
    }
  };
}

function isStream(body: unknown): body is AsyncIterable<Uint8Array> & object {
  return (
    typeof body === 'object' &&
    body !== null &&
    !(body instanceof Uint8Array) &&
    !(body instanceof FormData) &&
    Symbol.asyncIterator in body
  );
}

async function readAll(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function carriesToken(headers: Init['headers']): boolean {
  if (!headers) return false;
  if ('has' in headers && typeof headers.has === 'function') return headers.has('authorization');
  const names = Array.isArray(headers) ? headers.map(([name]) => name) : Object.keys(headers);
  return names.some((name) => String(name).toLowerCase() === 'authorization');
}

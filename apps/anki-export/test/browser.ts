// Test helper: shows cards in Debian's headless Chromium the way Anki's reviewers do.
import { type Browser, chromium, type Page } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
}

const ORIGIN = 'http://anki.invalid';

// A click that reaches the document counts as a tap on AnkiMobile's tap zones (it would flip).
function shell(css: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style>
<script>window.__flips = 0; document.addEventListener('click', function () { window.__flips++; });</script>
</head><body class="card"><div id="qa">${body}</div></body></html>`;
}

export interface Reviewer {
  page: Page;
  /** Anki desktop / AnkiMobile: the same document, #qa replaced and its scripts re-run. */
  show(html: string): Promise<void>;
  /** AnkiDroid-like: a new document in the same tab (sessionStorage survives, window does not). */
  showReloaded(html: string): Promise<void>;
  /** Clicks that reached the document since the page opened. */
  flips(): Promise<number>;
  /** Uncaught errors in the page's scripts. */
  errors: Error[];
}

export async function openReviewer(browser: Browser, css: string): Promise<Reviewer> {
  const page = await browser.newPage();
  const documents = new Map<string, string>();
  documents.set('/', shell(css, ''));
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const body = documents.get(path);
    return body === undefined
      ? route.fulfill({ status: 404, body: '' })
      : route.fulfill({ status: 200, contentType: 'text/html', body });
  });
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${ORIGIN}/`);
  const setQa = (html: string) =>
    page.evaluate((content) => {
      // Anki's reviewer sets innerHTML, then replaces each <script> so that it runs.
      const qa = document.getElementById('qa') as HTMLElement;
      qa.innerHTML = content;
      for (const old of Array.from(qa.querySelectorAll('script'))) {
        const fresh = document.createElement('script');
        fresh.textContent = old.textContent;
        old.replaceWith(fresh);
      }
    }, html);
  let reloads = 0;
  return {
    page,
    show: setQa,
    async showReloaded(html) {
      reloads += 1;
      documents.set(`/${reloads}`, shell(css, html));
      await page.goto(`${ORIGIN}/${reloads}`);
    },
    errors,
    flips: () => page.evaluate(() => (window as unknown as { __flips: number }).__flips),
  };
}

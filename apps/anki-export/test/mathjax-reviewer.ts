// Test helper: a reviewer page with MathJax 3 configured as Anki desktop configures it, every
// request outside the page's own origin recorded and answered 204 (a navigation then goes nowhere).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import type { Browser, Request } from 'playwright-core';
import { openReviewer, type Reviewer } from './browser';

const ORIGIN = 'http://anki.invalid';
const MATHJAX_PATH = '/_anki/js/vendor/mathjax';
const MATHJAX_DIR = join(
  dirname(createRequire(import.meta.url).resolve('mathjax/package.json')),
  'es5',
);

const common = {
  displayMath: [['\\[', '\\]']],
  processEscapes: false,
  processEnvironments: false,
  processRefs: false,
};
const load = (packages: string[]) => packages.map((p) => `[tex]/${p}`);
const NEWER = [
  'action',
  'ams',
  'autoload',
  'configmacros',
  'mathtools',
  'mhchem',
  'newcommand',
  'noundefined',
  'require',
];

/**
 * Anki desktop's MathJax settings (ts/mathjax/index.ts in ankitects/anki), in the two forms it has
 * shipped with MathJax 3: every package of the full bundle but textmacros, with noerrors, mathtools
 * and mhchem added; and, later, an explicit list that includes autoload and require.
 */
export const ANKI_MATHJAX_CONFIGS = {
  'all packages but textmacros': {
    tex: {
      ...common,
      packages: { '[+]': ['noerrors', 'mathtools', 'mhchem'], '[-]': ['textmacros'] },
    },
    loader: {
      load: load(['noerrors', 'mathtools', 'mhchem']),
      paths: { mathjax: `${ORIGIN}${MATHJAX_PATH}` },
    },
    startup: { typeset: false },
  },
  'base, autoload, require and others': {
    tex: { ...common, packages: ['base', ...NEWER] },
    loader: { load: load(NEWER), paths: { mathjax: `${ORIGIN}${MATHJAX_PATH}` } },
    startup: { typeset: false },
  },
} as const;
export type MathJaxConfigName = keyof typeof ANKI_MATHJAX_CONFIGS;

export interface MathJaxReviewer extends Reviewer {
  /** Shows a card side as Anki desktop does: #qa replaced, scripts run, then MathJax typesets #qa. */
  showTypeset(html: string): Promise<void>;
  /** Requests that left the page's origin, in order. */
  remote: Request[];
  /** Dialogs (alert, confirm…) the page opened. */
  dialogs: string[];
}

export async function openMathJaxReviewer(
  browser: Browser,
  css: string,
  config: MathJaxConfigName,
): Promise<MathJaxReviewer> {
  const view = await openReviewer(browser, css);
  const remote: Request[] = [];
  const dialogs: string[] = [];
  const { page } = view;
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // Routes added later are asked first: this one answers everything but the reviewer's own pages.
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      remote.push(route.request());
      return route.fulfill({ status: 204, body: '' });
    }
    if (!url.pathname.startsWith(`${MATHJAX_PATH}/`)) return route.fallback();
    const file = normalize(join(MATHJAX_DIR, url.pathname.slice(MATHJAX_PATH.length)));
    if (!file.startsWith(MATHJAX_DIR)) return route.fulfill({ status: 404, body: '' });
    const body = await readFile(file).catch(() => undefined);
    if (body === undefined) return route.fulfill({ status: 404, body: '' });
    const type = file.endsWith('.js') ? 'text/javascript' : 'font/woff2';
    return route.fulfill({ status: 200, contentType: type, body });
  });
  await page.evaluate((settings) => {
    (window as unknown as { MathJax: unknown }).MathJax = settings;
  }, ANKI_MATHJAX_CONFIGS[config]);
  await page.addScriptTag({ url: `${ORIGIN}${MATHJAX_PATH}/tex-chtml-full.js` });
  await page.evaluate(
    () =>
      (window as unknown as { MathJax: { startup: { promise: Promise<void> } } }).MathJax.startup
        .promise,
  );
  return {
    ...view,
    remote,
    dialogs,
    async showTypeset(html) {
      await view.show(html);
      await page.evaluate(async () => {
        const mj = (
          window as unknown as {
            MathJax: { typesetClear(): void; typesetPromise(e: Element[]): Promise<void> };
          }
        ).MathJax;
        mj.typesetClear();
        await mj.typesetPromise([document.getElementById('qa') as Element]);
      });
    },
  };
}

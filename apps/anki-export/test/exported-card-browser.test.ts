import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportDeck, loadBank } from '../src/index';
import { launchChromium, openReviewer, type Reviewer } from './browser';
import { type ReadApkg, readApkg } from './read-apkg';
import { renderCard } from './render-template';

const FIXTURE = new URL('./fixtures/fixture-bank.json', import.meta.url).pathname;

let browser: Browser;
let view: Reviewer;
let deck: ReadApkg;
beforeAll(async () => {
  const bank = await loadBank(FIXTURE);
  deck = await readApkg((await exportDeck([bank], { time: 1_750_000_000, shuffle: true })).apkg);
  browser = await launchChromium();
  view = await openReviewer(browser, Object.values(deck.models)[0]?.css ?? '');
});
afterAll(async () => {
  await browser?.close();
});
afterEach(() => {
  expect(view.errors).toEqual([]);
});

/** Renders note `index` of the exported package with the package's own note type. */
function card(index: number): { front: string; back: string } {
  const model = Object.values(deck.models)[0];
  const note = deck.notes[index];
  const template = model?.tmpls[0];
  if (!model || !note || !template) throw new Error(`no note ${index}`);
  const fields = Object.fromEntries(model.flds.map((f, i) => [f.name, note.flds[i] ?? '']));
  return renderCard(template, fields);
}

const keysInOrder = () =>
  view.page.$$eval('.qd-options li', (lis) =>
    lis.map((li) => li.getAttribute('data-key')).join(''),
  );

describe('exported cards in Chromium', () => {
  it('shows the context chain, typesettable math, checkboxes and the marked back', async () => {
    const { front, back } = card(0);
    await view.show(front);
    expect(await view.page.textContent('.qd-hint')).toBe('Select all that apply');
    expect(await view.page.locator('input[type=checkbox]').count()).toBe(4);
    await view.page.click('li[data-key="A"]');
    await view.page.click('li[data-key="B"]');
    await view.show(back);
    const marks = await view.page.$$eval('.qd-options li', (lis) =>
      Object.fromEntries(
        lis.map((li) => [
          li.getAttribute('data-key'),
          li.querySelector('.qd-badge')?.textContent ?? '',
        ]),
      ),
    );
    expect(marks).toEqual({ A: '✓ your choice', B: '✗ your choice', C: '', D: 'missed' });
    expect(await view.page.textContent('.qd-dispute')).toContain('magnitude');
    expect(await view.page.textContent('.qd-explanation')).toContain('destabilise');

    const second = card(1);
    await view.show(second.front);
    expect(
      await view.page.$$eval('.qd-context-part', (s) =>
        s.map((e) => e.getAttribute('data-context')),
      ),
    ).toEqual(['mri', 'mri-cnn']);
    // Anki's MathJax finds \( \) in the text; < and & arrive as characters, not markup.
    expect(await view.page.textContent('.qd-context')).toContain('\\(h < 200\\) & more');
    expect(await view.page.textContent('.qd-question')).toContain('\\(W_{xh}\\)');
    expect(await view.page.locator('input[type=radio]').count()).toBe(3);
    expect(await view.page.textContent('#qa')).not.toContain('Worked');
    await view.show(second.back);
    expect(await view.page.textContent('#qd-back .qd-context-notes')).toContain('Worked: so');
  });

  it('shuffles at each review with the pinned option last', async () => {
    const { front } = card(1);
    for (let i = 0; i < 6; i++) {
      await view.show(front);
      expect(await keysInOrder()).toMatch(/^(AB|BA)C$/);
    }
  });

  it('shows injected markup as text and runs none of it, front and back', async () => {
    const { front, back } = card(2);
    await view.show(front);
    expect(await view.page.textContent('.qd-question')).toBe(
      'Injected <img src=x onerror="window.__pwned=1"> and </script><script>window.__pwned=2</script> text',
    );
    expect(await view.page.textContent('li[data-key="A"] .qd-text')).toBe(
      '<b onmouseover="window.__pwned=3">bold</b>',
    );
    await view.page.hover('li[data-key="A"]');
    await view.page.click('li[data-key="B"]');
    await view.show(back);
    expect(await view.page.locator('.qd-card img, .qd-card b').count()).toBe(0);
    expect(await view.page.getAttribute('li[data-key="B"]', 'class')).toContain('qd-chosen-right');
    await view.showReloaded(back);
    expect(await view.page.getAttribute('li[data-key="B"]', 'class')).toContain('qd-chosen-right');
    expect(
      await view.page.evaluate(() => (window as { __pwned?: number }).__pwned),
    ).toBeUndefined();
  });
});

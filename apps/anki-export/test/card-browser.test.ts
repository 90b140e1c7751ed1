import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CARD_CSS, type FieldName, NOTE_TYPE } from '../src/index';
import { launchChromium, openReviewer, type Reviewer } from './browser';
import { renderCard } from './render-template';

let browser: Browser;
let view: Reviewer;
beforeAll(async () => {
  browser = await launchChromium();
  view = await openReviewer(browser, CARD_CSS);
});
afterAll(async () => {
  await browser?.close();
});
afterEach(() => {
  expect(view.errors).toEqual([]);
});

const template = NOTE_TYPE.templates[0] ?? { qfmt: '', afmt: '' };

function options(list: [key: string, text: string, pinned?: boolean][]): string {
  const items = list.map(
    ([key, text, pinned]) =>
      `<li data-key="${key}"${pinned ? ' data-pinned="1"' : ''}><span class="qd-letter">${key}.</span> <span class="qd-text">${text}</span></li>`,
  );
  return `<ol class="qd-options">${items.join('')}</ol>`;
}

function fields(over: Partial<Record<FieldName, string>>): Record<FieldName, string> {
  return {
    Question: 'Which are true?',
    Context: '',
    Options: options([
      ['A', 'one'],
      ['B', 'two'],
      ['C', 'three'],
      ['D', 'All of the above', true],
    ]),
    Answer: 'A',
    Multiple: '',
    SelectAll: '',
    Explanation: '',
    ContextNotes: '',
    Notes: '',
    Source: '',
    Id: 'bank/q1',
    Shuffle: '',
    ...over,
  };
}

/** Shows the front and returns the back to show after tapping. */
async function open(values: Record<FieldName, string>): Promise<string> {
  const { front, back } = renderCard(template, values);
  await view.show(front);
  return back;
}

const optionClasses = () =>
  view.page.$$eval('.qd-options li', (lis) =>
    lis.map(
      (li) =>
        `${li.getAttribute('data-key')}:${li.className.replace('qd-choice', '').replace('tappable', '').trim()}`,
    ),
  );

describe('card template in Chromium', () => {
  it('single key: radio options, tapping does not flip, back marks chosen-wrong and missed', async () => {
    const back = await open(fields({ Answer: 'B' }));
    expect(
      await view.page.$$eval('input.qd-input', (els) =>
        els.map((e) => (e as HTMLInputElement).type),
      ),
    ).toEqual(['radio', 'radio', 'radio', 'radio']);
    expect(await view.page.locator('.qd-hint').count()).toBe(0);
    const flipsBefore = await view.flips();
    await view.page.click('li[data-key="A"] .qd-text');
    await view.page.click('li[data-key="C"] .qd-text');
    expect(await view.flips()).toBe(flipsBefore);
    await view.show(back);
    expect(await optionClasses()).toEqual(['A:', 'B:qd-key qd-missed', 'C:qd-chosen-wrong', 'D:']);
    expect(await view.page.textContent('.qd-answer')).toBe('B');
    // The marks are visible, not just classes: the card CSS must win over the plain option style.
    const style = (key: string) =>
      view.page.$eval(`li[data-key="${key}"]`, (li) => {
        const css = getComputedStyle(li);
        return `${css.borderTopStyle} ${css.backgroundColor}`;
      });
    expect(await style('B')).toMatch(/^dashed /);
    expect(await style('C')).toBe('solid rgba(200, 50, 50, 0.18)');
    expect(await style('A')).toBe('solid rgba(0, 0, 0, 0)');
  });

  it('several keys: checkboxes, "Select all that apply", choices carried through a reload', async () => {
    const back = await open(fields({ Answer: 'A, D', Multiple: '1', SelectAll: '1' }));
    expect(await view.page.textContent('.qd-hint')).toBe('Select all that apply');
    const flipsBefore = await view.flips();
    await view.page.click('li[data-key="A"]');
    await view.page.click('li[data-key="B"] input');
    await view.page.click('li[data-key="C"]');
    await view.page.click('li[data-key="C"]'); // untick again
    expect(await view.flips()).toBe(flipsBefore);
    await view.showReloaded(back);
    expect(await optionClasses()).toEqual([
      'A:qd-key qd-chosen-right',
      'B:qd-chosen-wrong',
      'C:',
      'D:qd-key qd-missed',
    ]);
    expect(
      await view.page.$$eval('input.qd-input', (els) =>
        els.map((e) => (e as HTMLInputElement).checked),
      ),
    ).toEqual([true, true, false, false]);
  });

  it('shuffle at review keeps the pinned option last and the same order on the back', async () => {
    const many = options([
      ['A', 'a'],
      ['B', 'b'],
      ['C', 'c'],
      ['D', 'd'],
      ['E', 'e'],
      ['F', 'None of these', true],
    ]);
    const orders = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const back = await open(fields({ Options: many, Answer: 'C', Shuffle: '1', Id: `b/q${i}` }));
      const order = await view.page.$$eval('.qd-options li', (lis) =>
        lis.map((li) => li.getAttribute('data-key')).join(''),
      );
      expect(order.endsWith('F')).toBe(true);
      expect([...order].sort().join('')).toBe('ABCDEF');
      orders.add(order);
      await view.page.click('li[data-key="C"]');
      await view.show(back);
      const backOrder = await view.page.$$eval('.qd-options li', (lis) =>
        lis.map((li) => li.getAttribute('data-key')).join(''),
      );
      expect(backOrder).toBe(order);
      expect(await view.page.getAttribute('li[data-key="C"]', 'class')).toContain(
        'qd-chosen-right',
      );
    }
    // 8 shuffles of 5 free options all equal has probability 120^-7.
    expect(orders.size).toBeGreaterThan(1);
  });

  it('gives every option row the class tappable, front and back', async () => {
    const back = await open(fields({ Id: 'bank/tappable' }));
    const tappable = () =>
      view.page.$$eval('.qd-options li', (lis) =>
        lis.map((li) => li.classList.contains('tappable')),
      );
    expect(await tappable()).toEqual([true, true, true, true]);
    await view.page.click('li[data-key="B"]');
    await view.show(back);
    expect(await tappable()).toEqual([true, true, true, true]);
  });

  // The previewer after editing a note's options shows a back whose saved state (order and
  // choices from the front shown before) no longer fits: the back shows the key, unmarked.
  it('drops a saved choice state that does not fit the options (stale state)', async () => {
    const stale: [string, unknown][] = [
      ['removed option', { order: ['A', 'B', 'X'], chosen: ['X'] }],
      ['option added', { order: ['A', 'B'], chosen: ['A'] }],
      ['repeated key', { order: ['A', 'A', 'B', 'C'], chosen: [] }],
      ['chosen unknown', { order: ['D', 'C', 'B', 'A'], chosen: ['Q'] }],
      ['not arrays', { order: 'ABCD', chosen: {} }],
    ];
    for (const [what, state] of stale) {
      const id = `bank/stale-${what.replaceAll(' ', '-')}`;
      const { back } = renderCard(template, fields({ Id: id, Answer: 'C' }));
      await view.page.evaluate(
        ([key, value]) => {
          (window as { __quizdeck?: Record<string, unknown> }).__quizdeck = { [key]: value };
          window.sessionStorage.setItem(`quizdeck:${key}`, JSON.stringify(value));
        },
        [id, state] as const,
      );
      await view.show(back);
      expect(view.errors, what).toEqual([]);
      expect(await optionClasses(), what).toEqual(['A:', 'B:', 'C:qd-key', 'D:']);
      expect(await view.page.locator('.qd-options li input').count(), what).toBe(4);
      expect(await view.page.getAttribute('#qd-back', 'class'), what).toContain('qd-unmarked');
    }
    // From sessionStorage alone (AnkiDroid), a fitting state still marks the back.
    const { back } = renderCard(template, fields({ Id: 'bank/fits', Answer: 'C' }));
    await view.page.evaluate(() => {
      (window as { __quizdeck?: unknown }).__quizdeck = {};
      window.sessionStorage.setItem(
        'quizdeck:bank/fits',
        JSON.stringify({ order: ['D', 'C', 'B', 'A'], chosen: ['B'] }),
      );
    });
    await view.show(back);
    expect(await optionClasses()).toEqual(['D:', 'C:qd-key qd-missed', 'B:qd-chosen-wrong', 'A:']);
  });

  it('with JavaScript off the back still shows the key', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    const { back } = renderCard(template, fields({ Answer: 'C', Explanation: 'because' }));
    await page.setContent(`<div id="qa">${back}</div>`);
    expect(await page.textContent('.qd-key-line')).toBe('Answer: C');
    expect(await page.textContent('.qd-explanation')).toBe('because');
    expect(await page.locator('.qd-options li').count()).toBe(4);
    await page.close();
  });
});

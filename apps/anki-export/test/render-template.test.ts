import { describe, expect, it } from 'vitest';
import { renderCard, TemplateError } from './render-template';

describe('renderCard (Anki template subset)', () => {
  const fields = { Front: 'Q <b>1</b>', Extra: '', Blank: ' <br> <div></div> ', Back: 'A' };

  it('substitutes fields verbatim and strips HTML with text:', () => {
    const { front } = renderCard({ qfmt: '[{{Front}}|{{text:Front}}]', afmt: '' }, fields);
    expect(front).toBe('[Q <b>1</b>|Q 1]');
  });

  it('shows {{#F}} sections for non-empty fields and {{^F}} for empty ones, as Anki does', () => {
    const { front } = renderCard(
      {
        qfmt: '{{#Front}}f{{/Front}}{{#Extra}}e{{/Extra}}{{^Extra}}!e{{/Extra}}{{#Blank}}b{{/Blank}}{{^Blank}}!b{{/Blank}}',
        afmt: '',
      },
      fields,
    );
    // Whitespace, <br> and <div> only count as empty.
    expect(front).toBe('f!e!b');
  });

  it('nests sections and puts the rendered front in {{FrontSide}}', () => {
    const { back } = renderCard(
      { qfmt: '{{#Front}}<{{#Back}}{{Back}}{{/Back}}>{{/Front}}', afmt: '{{FrontSide}}/{{Back}}' },
      fields,
    );
    expect(back).toBe('<A>/A');
  });

  it('rejects unknown fields and unclosed sections', () => {
    expect(() => renderCard({ qfmt: '{{Nope}}', afmt: '' }, fields)).toThrow(TemplateError);
    expect(() => renderCard({ qfmt: '{{#Front}}x', afmt: '' }, fields)).toThrow(/never closed/);
  });
});

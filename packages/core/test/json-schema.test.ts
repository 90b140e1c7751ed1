import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bankJsonSchema } from '../src/index';

const schemaFile = fileURLToPath(new URL('../schema/bank.schema.json', import.meta.url));

describe('schema/bank.schema.json', () => {
  it('is what the zod model generates (run `pnpm --filter @quizdeck/core gen:schema` when this fails)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(`${JSON.stringify(bankJsonSchema(), null, 2)}\n`);
  });

  it('describes the canonical fields and what authors must write', () => {
    const schema = bankJsonSchema() as {
      required: string[];
      properties: Record<
        string,
        { items?: { required?: string[]; properties?: Record<string, unknown> } }
      >;
    };
    expect(schema.required).toEqual(['id', 'title', 'questions']);
    expect(Object.keys(schema.properties)).toEqual([
      'id',
      'title',
      'description',
      'source',
      'tags',
      'contexts',
      'questions',
    ]);
    const question = schema.properties.questions?.items;
    expect(question?.required).toEqual(['id', 'prompt', 'options', 'answer', 'multiple']);
    expect(Object.keys(question?.properties ?? {})).toEqual([
      'id',
      'number',
      'context',
      'prompt',
      'options',
      'answer',
      'multiple',
      'explanation',
      'notes',
      'tags',
      'check',
    ]);
    expect(schema.properties.contexts?.items?.required).toEqual(['id', 'body']);
  });
});

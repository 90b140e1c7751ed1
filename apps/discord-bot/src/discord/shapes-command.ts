import { computeShapes, formatShapeTable, parseShapeSpec } from '@quizdeck/core';
import type { ChatInputCommandInteraction } from 'discord.js';
import { codeBlockMessages, NO_PINGS } from './embed-messages';

/** `/shapes`: the core's shape table for the spec given as options, as an embed. */
export async function shapesCommand(i: ChatInputCommandInteraction) {
  const o = i.options;
  const input: Record<string, unknown> = {
    cell: o.getString('cell', true),
    input: o.getInteger('input', true),
    hidden: o.getInteger('hidden', true),
  };
  const optional = {
    layers: o.getInteger('layers'),
    bidirectional: o.getBoolean('bidirectional'),
    proj: o.getInteger('proj'),
    classes: o.getInteger('classes'),
    convention: o.getString('convention'),
    bias: o.getBoolean('bias'),
  };
  for (const [k, v] of Object.entries(optional)) if (v !== null) input[k] = v;
  const spec = parseShapeSpec(input);
  const table = formatShapeTable(computeShapes(spec));
  const title = `${spec.cell.toUpperCase()} ${spec.input}→${spec.hidden}${spec.layers > 1 ? ` ×${spec.layers}` : ''}${spec.bidirectional ? ' bidirectional' : ''} (${spec.convention})`;
  const messages = codeBlockMessages({ title, code: table });
  const [first, ...rest] = messages;
  await i.reply({ ...first, allowedMentions: NO_PINGS });
  for (const m of rest) await i.followUp({ ...m, allowedMentions: NO_PINGS });
}

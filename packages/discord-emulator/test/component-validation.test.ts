import { type ButtonInteraction, DiscordAPIError, Events, MessageFlags, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { COMPONENT_LIMITS, DiscordEmulator } from '../src/index';
import { apiError, connect } from './helpers';

let emu: DiscordEmulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

const button = (customId: string, extra: Record<string, unknown> = {}) => ({
  type: 2,
  style: 1,
  label: customId.slice(0, 80),
  custom_id: customId,
  ...extra,
});
const row = (...components: unknown[]) => ({ type: 1, components });

/** The `_errors` codes at a dotted path of a 50035 answer. */
function codesAt(error: DiscordAPIError, path: string): unknown {
  let node = (error.rawError as { errors?: Record<string, unknown> }).errors;
  for (const key of path.split('.')) node = node?.[key] as Record<string, unknown> | undefined;
  return (node?._errors as { code: string }[] | undefined)?.map((e) => e.code);
}

async function setup() {
  const e = await DiscordEmulator.start();
  emu = e;
  const guild = e.createGuild({ name: 'g' });
  const channelId = e.createChannel(guild.id, { name: 'quiz' }).id;
  const alice = e.createMember(guild.id, { username: 'alice' });
  const client = await connect(e);
  const send = (components: unknown[]) =>
    client.rest.post(Routes.channelMessages(channelId), { body: { content: 'Q', components } });
  return { e, client, channelId, alice, send };
}

describe('component validation (400 50035, as Discord)', () => {
  it('refuses rows, buttons and ids past Discord’s limits, at the offending path', async () => {
    const { e, client, channelId, send } = await setup();
    const L = COMPONENT_LIMITS;
    const many = (n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => button(`${prefix}${i}`));
    const cases: [unknown[], string, string][] = [
      [
        Array.from({ length: L.rows + 1 }, (_, r) => row(button(`r${r}`))),
        'components',
        'BASE_TYPE_MAX_LENGTH',
      ],
      [
        [row(...many(L.buttonsPerRow + 1, 'b'))],
        'components.0.components.5',
        'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
      ],
      [
        [row(button('same')), row(button('x'), button('same'))],
        'components.1.components.1.custom_id',
        'COMPONENT_CUSTOM_ID_DUPLICATED',
      ],
      [
        [row(button('d1', { disabled: true }), button('d1', { disabled: true }))],
        'components.0.components.1.custom_id',
        'COMPONENT_CUSTOM_ID_DUPLICATED',
      ],
      [
        [row({ type: 2, style: 2, label: 'no id' })],
        'components.0.components.0.custom_id',
        'BUTTON_COMPONENT_CUSTOM_ID_REQUIRED',
      ],
      [
        [row(button('c'.repeat(L.customId + 1)))],
        'components.0.components.0.custom_id',
        'BASE_TYPE_MAX_LENGTH',
      ],
      [
        [row(button('long', { label: 'l'.repeat(L.label + 1) }))],
        'components.0.components.0.label',
        'BASE_TYPE_MAX_LENGTH',
      ],
      [
        [row({ type: 2, style: 5, label: 'Docs', url: 'https://example.org', custom_id: 'docs' })],
        'components.0.components.0.custom_id',
        'BUTTON_COMPONENT_CUSTOM_ID_URL_MUTUALLY_EXCLUSIVE',
      ],
      [
        [row({ type: 2, style: 5, label: 'Docs' })],
        'components.0.components.0.url',
        'BASE_TYPE_REQUIRED',
      ],
      [[row(button('s', { style: 9 }))], 'components.0.components.0.style', 'BASE_TYPE_CHOICES'],
      [[button('bare')], 'components.0', 'UNION_TYPE_CHOICES'],
      [[row()], 'components.0.components', 'BASE_TYPE_REQUIRED'],
    ];
    for (const [components, path, code] of cases) {
      const error = await apiError(send(components));
      expect([error.status, error.code], path).toEqual([400, 50035]);
      expect(codesAt(error, path), path).toEqual([code]);
    }
    expect(e.messages(channelId)).toEqual([]);
    // At the limits everything goes: 5 rows of 5 buttons, 100-character ids, 80-character labels.
    const full = Array.from({ length: L.rows }, (_, r) =>
      row(
        ...Array.from({ length: L.buttonsPerRow }, (_, b) =>
          button(`${r}-${b}-${'i'.repeat(L.customId - 4)}`, { label: 'l'.repeat(L.label) }),
        ),
      ),
    );
    await send(full);
    expect(e.messages(channelId)[0]?.buttons).toHaveLength(25);
    // A link button needs no custom_id; buttons only with an emoji are fine.
    await send([
      row(
        { type: 2, style: 5, label: 'Docs', url: 'https://example.org' },
        button('e', { label: undefined, emoji: { name: '✅' } }),
      ),
    ]);
    expect(e.messages(channelId)).toHaveLength(2);
    await client.destroy();
  });

  it('checks edits, interaction updates and follow-ups too (callback errors sit under data)', async () => {
    const { e, client, channelId, alice, send } = await setup();
    const bad = [row(button('dup'), button('dup'))];
    const errors: DiscordAPIError[] = [];
    client.on(Events.InteractionCreate, (i) => {
      if (!i.isButton()) return;
      const b = i as ButtonInteraction;
      const attempts = async () => {
        for (const attempt of [
          () => b.update({ components: bad as never }),
          async () => {
            await b.deferUpdate();
          },
          () =>
            b.followUp({ content: 'x', components: bad as never, flags: MessageFlags.Ephemeral }),
          () => b.editReply({ components: bad as never }),
        ]) {
          await attempt().catch((error: unknown) => {
            if (error instanceof DiscordAPIError) errors.push(error);
            else throw error;
          });
        }
      };
      attempts().catch((error: unknown) => errors.push(error as DiscordAPIError));
    });
    const posted = (await send([row(button('ok'))])) as { id: string };
    const edit = await apiError(
      client.rest.patch(Routes.channelMessage(channelId, posted.id), { body: { components: bad } }),
    );
    expect(codesAt(edit, 'components.0.components.1.custom_id')).toEqual([
      'COMPONENT_CUSTOM_ID_DUPLICATED',
    ]);
    const click = e.clickButton({ messageId: posted.id, customId: 'ok', userId: alice.id });
    await e.waitFor(() => errors.length === 3);
    expect(errors.map((error) => error.code)).toEqual([50035, 50035, 50035]);
    expect(
      codesAt(errors[0] as DiscordAPIError, 'data.components.0.components.1.custom_id'),
    ).toEqual(['COMPONENT_CUSTOM_ID_DUPLICATED']);
    expect(codesAt(errors[1] as DiscordAPIError, 'components.0.components.1.custom_id')).toEqual([
      'COMPONENT_CUSTOM_ID_DUPLICATED',
    ]);
    // The refused update was no callback: the deferred update then was the first.
    expect(click.callbacks.map((c) => c.type)).toEqual([6]);
    expect(e.message(posted.id).edits).toEqual([]);
    expect(click.followUps).toEqual([]);
    await client.destroy();
  });
});

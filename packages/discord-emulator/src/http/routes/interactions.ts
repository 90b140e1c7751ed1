import { createMessage, deleteMessage, editMessage } from '../../actions/messages';
import { messagePayload } from '../../payloads';
import type { InteractionRecord, MessageRecord } from '../../state/types';
import {
  alreadyAcknowledged,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
} from '../api-error';
import { type ApiRequest, param, type RouteDef, route } from '../route';
import { validateMessageBody } from '../validate-message';

const EPHEMERAL = 1 << 6;
/** Interaction tokens stay valid for 15 minutes. */
const TOKEN_TTL_MS = 15 * 60 * 1000;
const CHAT_INPUT_COMMAND_MESSAGE = 20;
const DEFAULT_MESSAGE = 0;
const UPDATE_MESSAGE = 7;
const DEFERRED_UPDATE_MESSAGE = 6;

const flagsOf = (data: Record<string, unknown>) =>
  typeof data.flags === 'number' ? data.flags : 0;

function reply(
  req: ApiRequest,
  interaction: InteractionRecord,
  data: Record<string, unknown>,
  opts: { loading?: boolean; original?: boolean },
): MessageRecord {
  const message = createMessage(req.core, {
    channelId: interaction.channelId,
    authorId: req.core.store.botByApplication(interaction.applicationId)?.user.id ?? '',
    body: data,
    type: interaction.component ? DEFAULT_MESSAGE : CHAT_INPUT_COMMAND_MESSAGE,
    interactionId: interaction.id,
    webhookId: interaction.applicationId,
    ephemeral: (flagsOf(data) & EPHEMERAL) !== 0,
    visibleTo: interaction.userId,
    loading: opts.loading ?? false,
  });
  if (opts.original) interaction.originalMessageId = message.id;
  else interaction.followUpIds.push(message.id);
  return message;
}

function view(req: ApiRequest, interaction: InteractionRecord, message: MessageRecord) {
  const botId = req.core.store.botByApplication(interaction.applicationId)?.user.id ?? '';
  return messagePayload(req.core.store, message, botId);
}

function callback(req: ApiRequest) {
  const interaction = req.core.store.interactions.get(param(req, 'interactionId'));
  if (!interaction || interaction.token !== param(req, 'interactionToken'))
    throw unknownInteraction();
  if (Date.now() - interaction.createdAt > req.core.options.interactionTimeoutMs) {
    throw unknownInteraction();
  }
  if (interaction.callbacks.length > 0) throw alreadyAcknowledged();
  const type = Number(req.body.type);
  const data = (req.body.data ?? {}) as Record<string, unknown>;
  let message: MessageRecord | undefined;
  if (type === 4) {
    validateMessageBody(data, true, 'data');
    message = reply(req, interaction, data, { original: true });
  } else if (type === 5) {
    message = reply(req, interaction, { flags: flagsOf(data) }, { original: true, loading: true });
  } else if (
    interaction.component &&
    (type === UPDATE_MESSAGE || type === DEFERRED_UPDATE_MESSAGE)
  ) {
    // Updating a component's message makes that message the interaction's original response.
    const source = req.core.store.messages.get(interaction.component.messageId);
    if (!source || source.deleted) throw unknownMessage();
    if (type === UPDATE_MESSAGE) {
      validateMessageBody(data, false, 'data');
      editMessage(req.core, source, data);
    }
    interaction.originalMessageId = source.id;
    message = source;
  }
  interaction.callbacks.push({ type, data });
  req.core.store.changed();
  if (req.query.get('with_response') !== 'true') return { status: 204 };
  return {
    status: 200,
    body: {
      interaction: {
        id: interaction.id,
        type: interaction.type,
        activity_instance_id: null,
        response_message_id: message?.id ?? null,
        response_message_loading: type === 5,
        response_message_ephemeral: message?.ephemeral ?? false,
      },
      resource: {
        type,
        ...(message && type !== DEFERRED_UPDATE_MESSAGE
          ? { message: view(req, interaction, message) }
          : {}),
      },
    },
  };
}

function webhookInteraction(req: ApiRequest): InteractionRecord {
  const token = param(req, 'webhookToken');
  const found = [...req.core.store.interactions.values()].find(
    (i) => i.token === token && i.applicationId === param(req, 'webhookId'),
  );
  if (!found || Date.now() - found.createdAt > TOKEN_TTL_MS || found.callbacks.length === 0) {
    throw unknownWebhook();
  }
  return found;
}

function webhookMessage(req: ApiRequest, interaction: InteractionRecord): MessageRecord {
  const id = param(req, 'messageId');
  const messageId = id === '@original' ? interaction.originalMessageId : id;
  const owned =
    messageId === interaction.originalMessageId ||
    interaction.followUpIds.includes(messageId ?? '');
  const message = messageId && owned ? req.core.store.messages.get(messageId) : undefined;
  if (!message || message.deleted) throw unknownMessage();
  return message;
}

const HOOK = '/webhooks/:webhookId/:webhookToken';

/** Interaction callbacks and the interaction webhook (`@original`, follow-ups). No bot token. */
export const interactionRoutes: RouteDef[] = [
  route('POST', '/interactions/:interactionId/:interactionToken/callback', callback, false),
  route(
    'POST',
    HOOK,
    (req) => {
      const interaction = webhookInteraction(req);
      validateMessageBody(req.body, true);
      const original = interaction.originalMessageId
        ? req.core.store.messages.get(interaction.originalMessageId)
        : undefined;
      // After a deferred reply, Discord turns the first follow-up into the original response.
      const message =
        original && original.flags & (1 << 7)
          ? editMessage(req.core, original, req.body)
          : reply(req, interaction, req.body, {});
      if (req.query.get('wait') !== 'true') return { status: 204 };
      return { status: 200, body: view(req, interaction, message) };
    },
    false,
  ),
  route(
    'GET',
    `${HOOK}/messages/:messageId`,
    (req) => {
      const interaction = webhookInteraction(req);
      return { status: 200, body: view(req, interaction, webhookMessage(req, interaction)) };
    },
    false,
  ),
  route(
    'PATCH',
    `${HOOK}/messages/:messageId`,
    (req) => {
      const interaction = webhookInteraction(req);
      const message = webhookMessage(req, interaction);
      validateMessageBody(req.body, false);
      editMessage(req.core, message, req.body);
      return { status: 200, body: view(req, interaction, message) };
    },
    false,
  ),
  route(
    'DELETE',
    `${HOOK}/messages/:messageId`,
    (req) => {
      const interaction = webhookInteraction(req);
      deleteMessage(req.core, webhookMessage(req, interaction));
      return { status: 204 };
    },
    false,
  ),
];

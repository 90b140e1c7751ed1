import { commandPayload } from '../../payloads';
import type { CommandRecord } from '../../state/types';
import { guildFor } from '../access';
import { type FieldError, invalidFormBody, missingAccess, unknownCommand } from '../api-error';
import { type ApiRequest, botOf, param, type RouteDef, route } from '../route';

const NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

function validateCommands(items: Record<string, unknown>[]): void {
  const errors: FieldError[] = [];
  if (items.length > 100) {
    errors.push({
      path: '_',
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 100 or fewer in length.',
    });
  }
  items.forEach((cmd, i) => {
    const type = typeof cmd.type === 'number' ? cmd.type : 1;
    if (typeof cmd.name !== 'string' || (type === 1 && !NAME.test(cmd.name))) {
      errors.push({
        path: `${i}.name`,
        code: 'APPLICATION_COMMAND_INVALID_NAME',
        message: 'Command name is invalid',
      });
    }
    const description = typeof cmd.description === 'string' ? cmd.description : '';
    if (type === 1 && (description.length < 1 || description.length > 100)) {
      errors.push({
        path: `${i}.description`,
        code: 'BASE_TYPE_BAD_LENGTH',
        message: 'Must be between 1 and 100 in length.',
      });
    }
    if (Array.isArray(cmd.options) && cmd.options.length > 25) {
      errors.push({
        path: `${i}.options`,
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 25 or fewer in length.',
      });
    }
  });
  if (errors.length) throw invalidFormBody(errors);
}

function scope(req: ApiRequest): { applicationId: string; guildId: string | null } {
  const applicationId = param(req, 'applicationId');
  if (applicationId !== botOf(req).applicationId) throw missingAccess();
  return { applicationId, guildId: req.params.guildId ? guildFor(req).id : null };
}

function commandsIn(
  req: ApiRequest,
  applicationId: string,
  guildId: string | null,
): CommandRecord[] {
  return [...req.core.store.commands.values()].filter(
    (c) => c.applicationId === applicationId && c.guildId === guildId,
  );
}

/** Creates or replaces one command, keeping the id of a same-named command as Discord does. */
function upsert(
  req: ApiRequest,
  applicationId: string,
  guildId: string | null,
  data: Record<string, unknown>,
) {
  const type = typeof data.type === 'number' ? data.type : 1;
  const name = String(data.name);
  const existing = commandsIn(req, applicationId, guildId).find(
    (c) => c.name === name && c.type === type,
  );
  const record: CommandRecord = {
    id: existing?.id ?? req.core.nextId(),
    applicationId,
    guildId,
    name,
    type,
    version: req.core.nextId(),
    data,
  };
  req.core.store.commands.set(record.id, record);
  return record;
}

function bulkOverwrite(req: ApiRequest) {
  const { applicationId, guildId } = scope(req);
  const items = (Array.isArray(req.body.items) ? req.body.items : []) as Record<string, unknown>[];
  validateCommands(items);
  const kept = items.map((data) => upsert(req, applicationId, guildId, data));
  for (const old of commandsIn(req, applicationId, guildId)) {
    if (!kept.includes(old)) req.core.store.commands.delete(old.id);
  }
  return { status: 200, body: kept.map(commandPayload) };
}

function list(req: ApiRequest) {
  const { applicationId, guildId } = scope(req);
  return { status: 200, body: commandsIn(req, applicationId, guildId).map(commandPayload) };
}

function create(req: ApiRequest) {
  const { applicationId, guildId } = scope(req);
  validateCommands([req.body]);
  const existed = commandsIn(req, applicationId, guildId).some((c) => c.name === req.body.name);
  return {
    status: existed ? 200 : 201,
    body: commandPayload(upsert(req, applicationId, guildId, req.body)),
  };
}

function remove(req: ApiRequest) {
  const { applicationId, guildId } = scope(req);
  const command = commandsIn(req, applicationId, guildId).find(
    (c) => c.id === param(req, 'commandId'),
  );
  if (!command) throw unknownCommand();
  req.core.store.commands.delete(command.id);
  return { status: 204 };
}

const GLOBAL = '/applications/:applicationId/commands';
const GUILD = '/applications/:applicationId/guilds/:guildId/commands';

/** Application commands, global and per guild. */
export const applicationRoutes: RouteDef[] = [
  route('PUT', GLOBAL, bulkOverwrite),
  route('PUT', GUILD, bulkOverwrite),
  route('GET', GLOBAL, list),
  route('GET', GUILD, list),
  route('POST', GLOBAL, create),
  route('POST', GUILD, create),
  route('DELETE', `${GLOBAL}/:commandId`, remove),
  route('DELETE', `${GUILD}/:commandId`, remove),
];

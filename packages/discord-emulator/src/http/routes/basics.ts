import {
  channelPayload,
  guildPayload,
  memberPayload,
  rolePayload,
  userPayload,
} from '../../payloads';
import { compareSnowflakes } from '../../snowflake';
import { channelFor, guildFor } from '../access';
import { unknownMember, unknownUser } from '../api-error';
import { botOf, param, type RouteDef, route } from '../route';

/** Gateway discovery, users, guilds, members, roles and channels. */
export const basicRoutes = (gatewayUrl: () => string): RouteDef[] => [
  route('GET', '/gateway', () => ({ status: 200, body: { url: gatewayUrl() } }), false),
  route('GET', '/gateway/bot', (req) => ({
    status: 200,
    body: req.core.gateway.gatewayBot(botOf(req)),
  })),
  route('GET', '/users/@me', (req) => ({ status: 200, body: userPayload(botOf(req).user) })),
  route('GET', '/users/:userId', (req) => {
    const user = req.core.store.users.get(param(req, 'userId'));
    if (!user) throw unknownUser();
    return { status: 200, body: userPayload(user) };
  }),
  route('GET', '/users/@me/guilds', (req) => ({
    status: 200,
    body: req.core.store.guildsOf(botOf(req).user.id).map((g) => ({
      id: g.id,
      name: g.name,
      icon: null,
      owner: false,
      permissions: '0',
      features: [],
    })),
  })),
  route('GET', '/guilds/:guildId', (req) => ({
    status: 200,
    body: guildPayload(req.core.store, guildFor(req)),
  })),
  route('GET', '/guilds/:guildId/channels', (req) => ({
    status: 200,
    body: req.core.store.guildChannels(guildFor(req).id).map(channelPayload),
  })),
  route('GET', '/guilds/:guildId/roles', (req) => ({
    status: 200,
    body: req.core.store.guildRoles(guildFor(req).id).map(rolePayload),
  })),
  route('GET', '/guilds/:guildId/members/:userId', (req) => {
    const member = req.core.store.member(guildFor(req).id, param(req, 'userId'));
    if (!member) throw unknownMember();
    return { status: 200, body: memberPayload(req.core.store, member) };
  }),
  route('GET', '/guilds/:guildId/members', (req) => {
    const limit = Math.min(Math.max(Number(req.query.get('limit') ?? 1), 1), 1000);
    const after = req.query.get('after') ?? '0';
    const members = req.core.store
      .guildMembers(guildFor(req).id)
      .filter((m) => compareSnowflakes(m.userId, after) > 0)
      .sort((a, b) => compareSnowflakes(a.userId, b.userId))
      .slice(0, limit);
    return { status: 200, body: members.map((m) => memberPayload(req.core.store, m)) };
  }),
  route('GET', '/channels/:channelId', (req) => ({
    status: 200,
    body: channelPayload(channelFor(req)),
  })),
];

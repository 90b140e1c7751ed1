import type { RouteDef } from '../route';
import { applicationRoutes } from './applications';
import { basicRoutes } from './basics';
import { interactionRoutes } from './interactions';
import { messageRoutes } from './messages';
import { reactionRoutes } from './reactions';

export function allRoutes(gatewayUrl: () => string): RouteDef[] {
  return [
    ...basicRoutes(gatewayUrl),
    ...messageRoutes,
    ...reactionRoutes,
    ...applicationRoutes,
    ...interactionRoutes,
  ];
}

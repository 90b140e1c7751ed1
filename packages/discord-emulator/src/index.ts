// Public entry of @quizdeck/discord-emulator (test infrastructure). Named exports only.
export type { ClickButtonInput } from './actions/component-interactions';
export type { OptionValue, RunCommandInput } from './actions/interactions';
export { ButtonClick } from './button-click';
export { CommandRun } from './command-run';
export type { EmulatedBot, EmulatorOptions } from './emulator';
export { DiscordEmulator } from './emulator';
export { EmulatorError } from './errors';
export type { GatewayStats } from './gateway/gateway';
export type { HoldInjection } from './http/holds';
export { Hold, Holds } from './http/holds';
export type {
  GlobalBudgetFigures,
  RateLimitHit,
  RateLimitInjection,
  RateLimitOptions,
} from './http/rate-limiter';
export { DEFAULT_RATE_LIMITS } from './http/rate-limiter';
export type { RouteFilter } from './http/route-filter';
export type { RequestLogEntry } from './http/server';
export type { ServerErrorHit, ServerErrorInjection } from './http/server-errors';
export { ServerErrors } from './http/server-errors';
export { COMPONENT_LIMITS } from './http/validate-components';
export { MESSAGE_LIMITS } from './http/validate-message';
export { RateLimitControl } from './rate-limit-control';
export type { CreatedGuild, CreatedMember } from './scenario-setup';
export type { GuildInput, OverwriteInput, PermissionsInput } from './setup';
export { DEFAULT_BOT_PERMISSIONS } from './setup';
export type { RecordedButton, RecordedEdit, RecordedMessage } from './views';
export type { WaitOptions } from './wait-for';

import { QuizdeckError } from '@quizdeck/core';

/**
 * An error answered to the bot with Discord's JSON error body; never reaches a test, the server
 * turns it into the HTTP answer. `code` is `DISCORD_<n>`, `discordCode` the JSON `code`.
 */
export class ApiError extends QuizdeckError {
  constructor(
    readonly status: number,
    readonly discordCode: number,
    message: string,
    readonly errors?: Record<string, unknown>,
  ) {
    super(`DISCORD_${discordCode}`, message);
  }

  body(): Record<string, unknown> {
    return {
      message: this.message,
      code: this.discordCode,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const unknownChannel = () => new ApiError(404, 10003, 'Unknown Channel');
export const unknownGuild = () => new ApiError(404, 10004, 'Unknown Guild');
export const unknownMember = () => new ApiError(404, 10007, 'Unknown Member');
export const unknownMessage = () => new ApiError(404, 10008, 'Unknown Message');
export const unknownRole = () => new ApiError(404, 10011, 'Unknown Role');
export const unknownUser = () => new ApiError(404, 10013, 'Unknown User');
export const unknownEmoji = () => new ApiError(400, 10014, 'Unknown Emoji');
export const unknownWebhook = () => new ApiError(404, 10015, 'Unknown Webhook');
export const unknownCommand = () => new ApiError(404, 10063, 'Unknown application command');
export const unknownInteraction = () => new ApiError(404, 10062, 'Unknown interaction');
export const alreadyAcknowledged = () =>
  new ApiError(400, 40060, 'Interaction has already been acknowledged.');
export const missingAccess = () => new ApiError(403, 50001, 'Missing Access');
export const missingPermissions = () => new ApiError(403, 50013, 'Missing Permissions');
export const cannotEditOthers = () =>
  new ApiError(403, 50005, 'Cannot edit a message authored by another user');
export const emptyMessage = () => new ApiError(400, 50006, 'Cannot send an empty message');
export const entityTooLarge = () => new ApiError(413, 40005, 'Request entity too large');
export const unauthorized = () => new ApiError(401, 0, '401: Unauthorized');
export const notFound = () => new ApiError(404, 0, '404: Not Found');
export const tooManyReactions = () =>
  new ApiError(400, 30010, 'Maximum number of reactions reached (20)');

/** One `_errors` entry at a dotted path such as `embeds.0.title`. */
export interface FieldError {
  path: string;
  code: string;
  message: string;
}

/** 400 Invalid Form Body with Discord's nested `errors` object. */
export function invalidFormBody(fieldErrors: FieldError[]): ApiError {
  const errors: Record<string, unknown> = {};
  for (const { path, code, message } of fieldErrors) {
    let node = errors;
    for (const key of path.split('.')) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    if (!Array.isArray(node._errors)) node._errors = [];
    (node._errors as unknown[]).push({ code, message });
  }
  return new ApiError(400, 50035, 'Invalid Form Body', errors);
}

export { DISCORD_LIMITS as LIMITS } from '@quizdeck/core';

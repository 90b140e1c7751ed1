import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Chromium and tsx child processes start in well under a second on an idle machine, but the
    // machine is shared: generous limits keep a busy moment from failing a correct test.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

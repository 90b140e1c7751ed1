import { defineCommand } from 'citty';

// Placeholder: being written in parallel (see the owning issue).
export default defineCommand({
  meta: { name: 'generate', description: 'not written yet' },
  run() {
    throw new Error('quizdeck generate is not written yet');
  },
});

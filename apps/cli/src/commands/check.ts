import { defineCommand } from 'citty';

// Placeholder: being written in parallel (see the owning issue).
export default defineCommand({
  meta: { name: 'check', description: 'not written yet' },
  run() {
    throw new Error('quizdeck check is not written yet');
  },
});

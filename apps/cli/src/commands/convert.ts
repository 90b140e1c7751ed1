import { defineCommand } from 'citty';

// Placeholder: being written in parallel (see the owning issue).
export default defineCommand({
  meta: { name: 'convert', description: 'not written yet' },
  run() {
    throw new Error('quizdeck convert is not written yet');
  },
});

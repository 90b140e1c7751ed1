import { defineCommand } from 'citty';

// Placeholder: being written in parallel (see the owning issue).
export default defineCommand({
  meta: { name: 'shapes', description: 'not written yet' },
  run() {
    throw new Error('quizdeck shapes is not written yet');
  },
});

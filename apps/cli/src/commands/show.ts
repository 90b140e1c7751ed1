import { defineCommand } from 'citty';

// Placeholder: being written in parallel (see the owning issue).
export default defineCommand({
  meta: { name: 'show', description: 'not written yet' },
  run() {
    throw new Error('quizdeck show is not written yet');
  },
});

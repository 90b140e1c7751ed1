// Preloaded into a timed `pnpm anki` process: on exit, its CPU time and peak RSS as one JSON line
// on stderr (the parent takes the last line).
process.on('exit', () => {
  const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
  process.stderr.write(
    `\n${JSON.stringify({ cpuMs: (userCPUTime + systemCPUTime) / 1000, maxRssMb: maxRSS / 1024 })}\n`,
  );
});

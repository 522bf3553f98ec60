// Preloaded by scripts/bench.mjs into the processes it measures (NODE_OPTIONS=--require …):
// when the process exits, appends "<pid> <peak RSS in bytes>" to the file named by
// FLOWGUARD_BENCH_RSS_FILE. process.resourceUsage().maxRSS is in kilobytes; no external tool needed.
'use strict';
const file = process.env.FLOWGUARD_BENCH_RSS_FILE;
if (file) {
  const fs = require('node:fs');
  process.on('exit', () => {
    try {
      fs.appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS * 1024}\n`);
    } catch {
      // Measuring must never change the outcome of the process measured.
    }
  });
}

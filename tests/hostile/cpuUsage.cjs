// Preloaded into the CLI by the hostile-input suite (node --require): records the process's own
// CPU time at exit, so each case can be bounded by work done rather than by a busy machine's clock.
const { writeFileSync } = require('node:fs');
const file = process.env.BRIEFS_CPU_USAGE_FILE;
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify(process.cpuUsage())));

// Node entry of the CLI (compiled to build/cli.js; bin/minerisk.js imports it).
import { runCli } from './program';

const code = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTty: process.stderr.isTTY === true,
});
process.exitCode = code;

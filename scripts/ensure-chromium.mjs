// Browser tests drive Debian's Chromium (never a downloaded browser). Install it when missing.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.log(`${CHROMIUM} is missing: installing Debian's chromium (apt-get update && apt-get install -y chromium)`);
  execSync('apt-get update && apt-get install -y chromium', { stdio: 'inherit' });
}

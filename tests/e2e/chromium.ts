/**
 * Finds a Chromium for the browser tests: $CHROMIUM, then the usual install paths; as root on Debian or Ubuntu
 * it installs the distribution's `chromium` package; otherwise it stops with a one-line instruction.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';

const KNOWN_PATHS = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome-stable',
	'/usr/bin/google-chrome',
	'/opt/google/chrome/chrome',
	'/snap/bin/chromium',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
	'/Applications/Chromium.app/Contents/MacOS/Chromium'
];

const INSTRUCTION =
	'No Chromium found for the browser tests: install Chromium or Chrome, or set CHROMIUM=/path/to/chrome, then run npm test again.';

function isExecutable(path: string): boolean {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

function isDebianLike(): boolean {
	if (!existsSync('/etc/os-release') || !existsSync('/usr/bin/apt-get')) return false;
	const release = readFileSync('/etc/os-release', 'utf8');
	return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
}

/** The path of a Chromium to drive; throws an Error whose message is the one-line instruction when there is none. */
export function findChromium(): string {
	const fromEnv = process.env.CHROMIUM;
	if (fromEnv) {
		if (isExecutable(fromEnv)) return fromEnv;
		throw new Error(`CHROMIUM=${fromEnv} is not an executable file. ${INSTRUCTION}`);
	}
	const found = KNOWN_PATHS.find(isExecutable);
	if (found) return found;
	if (process.getuid?.() === 0 && isDebianLike()) {
		console.error(
			'browser tests: no Chromium found; installing the distribution package `chromium` with apt-get…'
		);
		try {
			execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
			execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
				stdio: 'inherit',
				env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
			});
		} catch (error) {
			throw new Error(`apt-get install chromium failed. ${INSTRUCTION}`, { cause: error });
		}
		const installed = KNOWN_PATHS.find(isExecutable);
		if (installed) return installed;
	}
	throw new Error(INSTRUCTION);
}

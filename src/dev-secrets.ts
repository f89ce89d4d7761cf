import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Secrets generated once into DATA_DIR/dev-secrets.json when development runs without them. */
export interface DevSecrets {
  sessionSecret: string;
  secretsKey: string;
  twilioAuthToken: string;
}

let cachedDevSecrets: DevSecrets | undefined;

export function loadDevSecrets(dataDir: string): DevSecrets {
  if (cachedDevSecrets) return cachedDevSecrets;
  const file = join(dataDir, 'dev-secrets.json');
  const stored: Partial<DevSecrets> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSecrets>) : {};
  const secrets: DevSecrets = {
    sessionSecret: stored.sessionSecret ?? randomBytes(32).toString('base64url'),
    secretsKey: stored.secretsKey ?? randomBytes(32).toString('base64'),
    // Added after the first two: older files gain it on their next start.
    twilioAuthToken: stored.twilioAuthToken ?? randomBytes(16).toString('hex'),
  };
  if (Object.keys(stored).length !== Object.keys(secrets).length) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  }
  cachedDevSecrets = secrets;
  return secrets;
}

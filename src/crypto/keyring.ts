import type { Config } from '../config.ts';
import type { SecretKeyring } from './secret-box.ts';

/** The keys configured for secrets at rest: SECRETS_KEY (current) and SECRETS_KEY_PREVIOUS. */
export function keyringFromConfig(config: Pick<Config, 'secretsKey' | 'secretsKeyVersion' | 'secretsKeysPrevious'>): SecretKeyring {
  return {
    current: { version: config.secretsKeyVersion, key: config.secretsKey },
    previous: config.secretsKeysPrevious,
  };
}

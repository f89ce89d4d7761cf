import { rotateAllSecrets } from '../modules/secrets/rotate-all.ts';
import { runDatabaseCommand } from './run-command.ts';

/**
 * `npm run secrets:rotate`: re-encrypts every company's secrets under SECRETS_KEY
 * (version SECRETS_KEY_VERSION), decrypting old ones with SECRETS_KEY_PREVIOUS. Safe to run
 * again; once it reports nothing unreadable the previous keys can be removed.
 * Exits 1 when some secret could not be decrypted with any configured key.
 */
await runDatabaseCommand(async ({ config, log, services }) => {
  const summary = await rotateAllSecrets(services.secrets, await services.companies.listIds(), (companyId, names) => log.info({ companyId, names }, 'secrets re-encrypted'));
  for (const u of summary.unreadable) log.error({ companyId: u.companyId, names: u.names }, 'secrets unreadable with the configured keys; restore the key in SECRETS_KEY_PREVIOUS or set them again');
  log.info({ keyVersion: config.secretsKeyVersion, companies: summary.companies, reencrypted: summary.reencrypted, alreadyCurrent: summary.alreadyCurrent, unreadable: summary.unreadable.length }, 'secret rotation finished');
  if (summary.unreadable.length > 0) process.exitCode = 1;
});

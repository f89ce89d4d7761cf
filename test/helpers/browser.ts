import { chromium, type Browser } from 'playwright-core';

// Debian's chromium (installed by .ci/run with apt): a browser download fails on these machines.
// Without the background-networking flags Chromium keeps dialling Google's hosts, which the
// closed network refuses.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

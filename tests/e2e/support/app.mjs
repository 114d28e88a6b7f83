// What most test files start with: the built app on a plain static server, a browser, and the
// corpus as the server ships it.
import { launch } from './browser.mjs';
import { shippedCorpus } from './corpus.mjs';
import { serveDist } from './server.mjs';

/** Serves a fresh copy of dist/ (at `mount`, see `serveDist`), launches Chromium and reads the
 *  shipped corpus: { server, chromium, corpus }. */
export async function openApp(options) {
  const server = await serveDist(options);
  let chromium;
  try {
    chromium = await launch();
    return { server, chromium, corpus: await shippedCorpus(server.base) };
  } catch (error) {
    // Nothing is returned to close: close here what was opened.
    await closeApp({ server, chromium });
    throw error;
  }
}

/** Closes what `openApp` opened; either is missing when opening failed. */
export async function closeApp({ server, chromium }) {
  await chromium?.close();
  server?.stop();
}

// The corpus as the server ships it, read the way the app reads it: tests compare the page
// with this, never with constants.
export async function shippedCorpus(base) {
  const manifest = await (await fetch(base + 'data/manifest.json')).json();
  const issues = [];
  for (const entry of manifest.issues) {
    issues.push((await (await fetch(base + 'data/' + entry.file)).json()).issue);
  }
  return {
    manifest,
    issues,
    policies: issues.flatMap((i) => i.policies),
  };
}

// Compiles the app's wasm off the main thread for the page's loader (written by cankao-tool, see
// `secure` in src/tool.rs): fetched with its integrity, compiled as it streams in, and the
// compiled module handed back for the page to instantiate. Decoding and validating a module of
// about a megabyte is otherwise one of the longest tasks of the start.
'use strict';
onmessage = async ({ data: { url, integrity } }) => {
  try {
    const response = await fetch(url, { integrity });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    // Streaming compilation needs the wasm MIME type, which not every static host sends.
    const module = (response.headers.get('content-type') ?? '').startsWith('application/wasm')
      ? await WebAssembly.compileStreaming(response)
      : await WebAssembly.compile(await response.arrayBuffer());
    postMessage({ module });
  } catch (error) {
    postMessage({ error: `${url}: ${error}` });
  }
};

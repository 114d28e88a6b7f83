// The in-page half of the benchmark. `installProbe` is serialised into every page before its
// own scripts run (page.addInitScript), so it must not use anything from this module's scope.
// Times are performance.now() values: milliseconds since the navigation started.

/**
 * Installs `window.__bench`:
 *  - `done`: resolves once the app has replaced the prerendered page (`renderedAt`) and, when
 *    `interaction` is given, once the search it starts has answered (`answeredAt`);
 *  - `wasmMemory`: the app's WebAssembly.Memory, from Trunk's start-up event;
 *  - `watchLibrary()` and `libraryComplete`, `clear()`, `keystroke(value)`,
 *    `watchTrustedInput()`, `untilTrustedInputs(count)`: search latency probes.
 * @param {{ rendered: string, interaction?: 'home' | 'policy', query?: string, inputMark?: string }} spec
 *   `rendered`: the selector that is present once the app shows this page; `inputMark`: when
 *   given, every `input` event first sets a User Timing mark named `<inputMark> <trusted|synthetic>
 *   <the box's value>`, so that a trace can tell which keystroke a task belongs to.
 */
export function installProbe({ rendered, interaction, query, inputMark }) {
  const APP_TOOK_OVER = '#app main [data-testid]:not([data-testid="loading"])';
  const SEARCH_INPUT = '#app [data-testid="search-input"]';
  // How long a keystroke may take to change the DOM before we decide it changes nothing (the
  // same results as before): then the first paint after the input is its answer.
  const NO_CHANGE_WAIT_MS = 500;

  const bench = {
    renderedAt: null,
    answeredAt: null,
    error: null,
    wasmMemory: null,
    trustedInputs: [],
    inputEventTimings: [],
  };
  window.__bench = bench;

  if (inputMark) {
    addEventListener('input', (event) => {
      performance.mark(`${inputMark} ${event.isTrusted ? 'trusted' : 'synthetic'} ${event.target.value}`);
    }, { capture: true });
  }

  addEventListener('TrunkApplicationStarted', (event) => { bench.wasmMemory = event.detail.wasm.memory; });

  const $ = (selector) => document.querySelector(selector);
  /** Polls `test` once per frame; resolves with the time it first held. */
  const until = (test) => new Promise((resolve) => {
    const poll = () => (test() ? resolve(performance.now()) : requestAnimationFrame(poll));
    poll();
  });
  /**
   * The usual "next paint" approximation: a task queued from a requestAnimationFrame callback
   * runs after that frame has been painted.
   */
  const nextPaint = () => new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
  /** Sets an input's value and fires the `input` event an IME commit or a keystroke fires. */
  const typeInto = (input, value) => {
    const event = new Event('input', { bubbles: true });
    input.value = value;
    input.dispatchEvent(event);
    return event;
  };
  /** Watches #app for DOM changes; `paintAfterChange(since)` resolves with the paint after one. */
  const watchDom = () => {
    let changed = false;
    const observer = new MutationObserver(() => { changed = true; });
    observer.observe($('#app'), { subtree: true, childList: true, characterData: true, attributes: true });
    return async (since) => {
      const firstPaint = await nextPaint();
      let paint = firstPaint;
      while (!changed && paint - since < NO_CHANGE_WAIT_MS) paint = await nextPaint();
      observer.disconnect();
      return { paintedAt: changed ? paint : firstPaint, domChanged: changed };
    };
  };
  /** Durations of the app's `cankao-search` measures that started in [from, to]. */
  const searchComputeMs = (from, to) => performance.getEntriesByName('cankao-search')
    .filter((m) => m.startTime >= from && m.startTime <= to)
    .map((m) => m.duration);

  const INTERACTIONS = {
    // Home: type into the home search box and submit (what Enter does).
    async home() {
      const input = $('#app [data-testid="home-search"]');
      typeInto(input, query);
      input.form.requestSubmit();
    },
    // A deep link: the header's search link, then the search page's box.
    async policy() {
      $('#app [data-testid="nav-search"]').click();
      await until(() => $(SEARCH_INPUT));
      typeInto($(SEARCH_INPUT), query);
    },
  };

  bench.done = (async () => {
    bench.renderedAt = await until(() => !$('#prerender') && $(APP_TOOK_OVER) && $(rendered));
    if (interaction) {
      await INTERACTIONS[interaction]();
      bench.answeredAt = await until(() => $('#app [data-testid="hit"]'));
    }
  })().catch((error) => { bench.error = String(error); });

  /** Empties the search box and lets the app settle. */
  bench.clear = async () => {
    const paintAfterChange = watchDom();
    const event = typeInto($(SEARCH_INPUT), '');
    await paintAfterChange(event.timeStamp);
    await nextPaint();
  };

  /** One synthetic keystroke (or IME commit) that leaves `value` in the box, timed to paint. */
  bench.keystroke = async (value) => {
    const paintAfterChange = watchDom();
    const event = typeInto($(SEARCH_INPUT), value);
    const { paintedAt, domChanged } = await paintAfterChange(event.timeStamp);
    return {
      value,
      inputToPaintMs: paintedAt - event.timeStamp,
      domChanged,
      computeMs: searchComputeMs(event.timeStamp, paintedAt),
    };
  };

  /**
   * Cross-check with trusted input (typed through the DevTools protocol): times each trusted
   * `input` event to paint the same way, and collects the Event Timing API's entries for them
   * (which ignores synthetic events, and reports only events of 16 ms or more).
   */
  bench.watchTrustedInput = () => {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name === 'input') bench.inputEventTimings.push({ startMs: entry.startTime, durationMs: entry.duration });
      }
    }).observe({ type: 'event', durationThreshold: 16 });
    addEventListener('input', (event) => {
      if (!event.isTrusted) return;
      const paintAfterChange = watchDom();
      paintAfterChange(event.timeStamp).then(({ paintedAt, domChanged }) => {
        bench.trustedInputs.push({ value: event.target.value, inputToPaintMs: paintedAt - event.timeStamp, domChanged });
      });
    }, { capture: true });
  };
  /**
   * Watches for the search page's library to hold every issue of a corpus of more than one: the
   * other issues' catalog is fetched and indexed after the app rendered, and the page then says
   * how many issues it holds as outlines. `libraryComplete` resolves with `{ at }`, the
   * time it did, or `{ error }` if the catalog failed. Watched, not polled: a poll per frame
   * would add work to the tasks being measured.
   */
  bench.watchLibrary = () => {
    bench.libraryComplete = new Promise((resolve) => {
      const observer = new MutationObserver(() => check());
      const check = () => {
        if ($('[data-testid="catalog-error"]')) {
          observer.disconnect();
          resolve({ error: 'the catalog of the other issues failed to load' });
        } else if (!$('[data-testid="catalog-loading"]') && $('#app [data-testid="search-coverage"]')) {
          observer.disconnect();
          resolve({ at: performance.now() });
        }
      };
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      check();
    });
  };

  /** Resolves once `count` trusted inputs have been timed to paint. */
  bench.untilTrustedInputs = (count) => until(() => bench.trustedInputs.length >= count);
}

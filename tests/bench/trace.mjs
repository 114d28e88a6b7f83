// The page's main-thread tasks from a DevTools trace. The Long Tasks API leaves out the style,
// layout and paint of each frame, which hold the page just as long; Lighthouse's Total Blocking
// Time counts them, and so does this (every top-level task of the renderer's main thread).

// The `RunTask` events (every task, as Lighthouse reads them) and the first contentful paint.
// Few categories, little overhead.
const CATEGORIES = 'disabled-by-default-devtools.timeline,loading';

/** Starts tracing on `cdp`; `stop()` ends it and returns the main thread's tasks. */
export async function startTaskTrace(cdp) {
  const events = [];
  const collect = (data) => events.push(...data.value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', collect);
      return mainThreadTasks(events);
    },
  };
}

/**
 * The tasks of the busiest renderer main thread (the page's; others are idle pages of the
 * browser), each with its start relative to the first contentful paint when the trace has one.
 * @returns {{ fcpSeen: boolean, tasks: { startMs: number, durationMs: number }[] }}
 */
export function mainThreadTasks(events) {
  const key = (e) => `${e.pid}:${e.tid}`;
  const rendererMains = new Set(events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map(key));
  const runTasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && rendererMains.has(key(e)));
  const busy = new Map();
  for (const task of runTasks) busy.set(key(task), (busy.get(key(task)) ?? 0) + task.dur);
  const [main] = [...busy.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  const fcp = events.find((e) => e.name === 'firstContentfulPaint' && key(e) === main);
  const origin = fcp?.ts ?? runTasks[0]?.ts ?? 0;
  // Top-level tasks only: a nested run loop's tasks are inside the task that spun it.
  const tasks = [];
  let end = -Infinity;
  for (const task of runTasks.filter((t) => key(t) === main).sort((a, b) => a.ts - b.ts)) {
    if (task.ts < end) continue;
    end = task.ts + task.dur;
    tasks.push({ startMs: (task.ts - origin) / 1000, durationMs: task.dur / 1000 });
  }
  return { fcpSeen: Boolean(fcp), tasks };
}

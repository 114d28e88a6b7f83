// The page's main-thread tasks from a DevTools trace. The Long Tasks API leaves out the style,
// layout and paint of each frame, which hold the page just as long; Lighthouse's Total Blocking
// Time counts them, and so does this (every top-level task of the renderer's main thread).

// The `RunTask` events (every task, as Lighthouse reads them) and the first contentful paint.
// Few categories, little overhead.
const CATEGORIES = 'disabled-by-default-devtools.timeline,loading';

/** Starts tracing `categories` on `cdp`; `stop()` ends it and returns the trace's events. */
export async function startTrace(cdp, categories) {
  const events = [];
  const collect = (data) => events.push(...data.value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', collect);
      return events;
    },
  };
}

/**
 * Starts tracing on `cdp`; `stop()` ends it and returns the main thread's tasks, and with
 * `marks` its User Timing marks as well.
 */
export async function startTaskTrace(cdp, { marks = false } = {}) {
  const trace = await startTrace(cdp, marks ? `${CATEGORIES},blink.user_timing` : CATEGORIES);
  return { stop: async () => mainThreadTasks(await trace.stop()) };
}

/** A trace event's thread. */
export const threadOf = (e) => `${e.pid}:${e.tid}`;

/**
 * The page's main thread in a trace: the busiest renderer main thread (others are idle pages
 * of the browser), and its `RunTask` events (every task, as Lighthouse reads them).
 */
export function pageMainThread(events) {
  const rendererMains = new Set(events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map(threadOf));
  const runTasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && rendererMains.has(threadOf(e)));
  const busy = new Map();
  for (const task of runTasks) busy.set(threadOf(task), (busy.get(threadOf(task)) ?? 0) + task.dur);
  const [thread] = [...busy.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  return { thread, runTasks: runTasks.filter((t) => threadOf(t) === thread) };
}

/**
 * The tasks of the page's main thread, each with its start relative to the first contentful
 * paint when the trace has one, and the User Timing marks (`performance.mark`) traced on that
 * thread, on the same clock.
 * @returns {{ fcpSeen: boolean, tasks: { startMs: number, durationMs: number }[], marks: { name: string, atMs: number }[] }}
 */
export function mainThreadTasks(events) {
  const { thread, runTasks } = pageMainThread(events);
  const fcp = events.find((e) => e.name === 'firstContentfulPaint' && threadOf(e) === thread);
  // Top-level tasks only: a nested run loop's tasks are inside the task that spun it.
  const tasks = outermost(runTasks);
  const origin = fcp?.ts ?? tasks[0]?.ts ?? 0;
  const marks = events.filter((e) => e.cat === 'blink.user_timing' && e.ph === 'I' && threadOf(e) === thread);
  return {
    fcpSeen: Boolean(fcp),
    tasks: tasks.map((task) => ({ startMs: (task.ts - origin) / 1000, durationMs: task.dur / 1000 })),
    marks: marks.map((mark) => ({ name: mark.name, atMs: (mark.ts - origin) / 1000 })).sort((a, b) => a.atMs - b.atMs),
  };
}

/** The complete events among `events` that are not inside another of them, in order of start. */
export function outermost(events) {
  const kept = [];
  let end = -Infinity;
  for (const event of [...events].sort((a, b) => a.ts - b.ts)) {
    if (event.ts < end) continue;
    end = event.ts + event.dur;
    kept.push(event);
  }
  return kept;
}

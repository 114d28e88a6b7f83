// Summary statistics over lists of numbers; null and undefined entries are ignored, and an
// empty list gives null (a figure that could not be measured, never a zero).

const numbers = (values) => values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);

/** The p-th percentile by nearest rank (p in 0..100). */
export function percentile(values, p) {
  const sorted = numbers(values);
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function median(values) {
  const sorted = numbers(values);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function max(values) {
  const sorted = numbers(values);
  return sorted.length ? sorted[sorted.length - 1] : null;
}

export const sum = (values) => numbers(values).reduce((a, b) => a + b, 0);

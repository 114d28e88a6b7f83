// Where a wasm module's code goes (not part of the benchmark's report): its functions' bodies
// summed by crate, or listed one by one, largest first, from the module's name section.
//   node tests/bench/wasm-sizes.mjs <module.wasm> [crate|fn] [rows]
// `bash scripts/wasm-sizes.sh` builds the first view's module with names and runs this on it.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const [file, by = 'crate', rows = '40'] = process.argv.slice(2);
if (!file || !['crate', 'fn'].includes(by)) {
  console.error('usage: node tests/bench/wasm-sizes.mjs <module.wasm> [crate|fn] [rows]');
  process.exit(2);
}
const bytes = readFileSync(file);

/** The module's sections, read as far as this needs: imported functions, bodies, names. */
function readModule(buf) {
  let at = 8; // magic and version
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = buf[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const name = () => {
    const length = leb();
    at += length;
    return buf.toString('utf8', at - length, at);
  };
  const limits = () => {
    const flags = leb();
    leb();
    if (flags & 1) leb();
  };
  const module = { importedFunctions: 0, bodies: [], names: new Map(), sections: new Map() };
  while (at < buf.length) {
    const id = buf[at++];
    const size = leb();
    const end = at + size;
    module.sections.set(id, (module.sections.get(id) ?? 0) + size);
    if (id === 2) {
      for (let i = leb(); i > 0; i--) {
        name();
        name();
        const kind = buf[at++];
        if (kind === 0) { leb(); module.importedFunctions++; }
        else if (kind === 1) { at++; limits(); } // table: element type, limits
        else if (kind === 2) limits(); // memory
        else if (kind === 3) at += 2; // global: value type, mutability
        else if (kind === 4) { at++; leb(); } // tag
      }
    } else if (id === 10) {
      for (let i = leb(); i > 0; i--) {
        const length = leb();
        module.bodies.push(buf.subarray(at, at + length));
        at += length;
      }
    } else if (id === 0 && name() === 'name') {
      while (at < end) {
        const sub = buf[at++];
        const subEnd = leb() + at;
        if (sub === 1) for (let i = leb(); i > 0; i--) module.names.set(leb(), name());
        at = subEnd;
      }
    }
    at = end;
  }
  return module;
}

/** A Rust symbol as a path, without its hash and its crates' disambiguators. */
function demangle(symbol) {
  const inner = /^_ZN(.*)E$/.exec(symbol)?.[1];
  if (!inner) return symbol.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
  const parts = [];
  for (let rest = inner; rest.length > 0;) {
    const digits = /^\d+/.exec(rest)?.[0];
    if (!digits) break;
    parts.push(rest.slice(digits.length, digits.length + Number(digits)));
    rest = rest.slice(digits.length + Number(digits));
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  const escapes = { LT: '<', GT: '>', RF: '&', BP: '*', C: ',', SP: '@', u20: ' ', u27: "'", u5b: '[', u5d: ']', u7b: '{', u7d: '}', u7e: '~' };
  return parts.join('::').replace(/\$([A-Za-z0-9]+)\$/g, (m, code) => escapes[code] ?? m).replace(/\.\./g, '::');
}

/** The crate a function's code belongs to: the path's first crate, or, for a trait method of a
 * generic or closure type (`<F as leptos_router::…>::…`), the trait's. */
function crateOf(path) {
  const generic = /^<([A-Z]\w*|\{\{closure\}\}) as ([^<>]+?)(<|>)/.exec(path);
  const first = (generic ? generic[2] : path).replace(/^[<&*]+(mut |const |dyn )?/, '');
  const crate = first.split(/::|[ <>,[]/)[0] || path;
  return PRIMITIVES.has(crate) ? 'core' : crate;
}
// Methods of the primitive types are the core library's.
const PRIMITIVES = new Set(['bool', 'char', 'str', '()', 'f32', 'f64', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize']);

const module = readModule(bytes);
const groups = new Map();
let codeBytes = 0;
module.bodies.forEach((body, i) => {
  const path = demangle(module.names.get(i + module.importedFunctions) ?? '(unnamed)');
  const key = by === 'fn' ? path : crateOf(path);
  const group = groups.get(key) ?? { functions: 0, bodies: [] };
  group.functions++;
  group.bodies.push(body);
  groups.set(key, group);
  codeBytes += body.length;
});
const kb = (n) => (n / 1024).toFixed(1);
console.log(`${file}: ${kb(bytes.length)} KB (gzip -9 ${kb(gzipSync(bytes, { level: 9 }).length)} KB): code ${kb(codeBytes)} KB in ${module.bodies.length} functions (${module.names.size} named), data ${kb(module.sections.get(11) ?? 0)} KB`);
console.log(`${'KB'.padStart(7)} ${'share'.padStart(6)} ${'gzip'.padStart(7)} ${'fns'.padStart(5)}  ${by === 'fn' ? 'function' : 'crate'} (gzip: of that code alone)`);
const table = [...groups].map(([key, g]) => ({ key, ...g, size: g.bodies.reduce((n, b) => n + b.length, 0) }))
  .sort((a, b) => b.size - a.size)
  .slice(0, Number(rows));
for (const g of table) {
  const gzip = gzipSync(Buffer.concat(g.bodies), { level: 9 }).length;
  console.log(`${kb(g.size).padStart(7)} ${`${((100 * g.size) / codeBytes).toFixed(1)}%`.padStart(6)} ${kb(gzip).padStart(7)} ${String(g.functions).padStart(5)}  ${g.key}`);
}

#!/usr/bin/env node
// wasm-facts.mjs FILE.wasm... : one JSON line per module with the facts an engine-choice rule could use
// (file and code-section size, defined and imported functions, largest and 99th-percentile function body,
// import and export counts, declared memory) and its exported function names. Reads the binary's
// section headers and the code section's body sizes only; no validation.
import { readFileSync } from 'node:fs';

function facts(file) {
  const b = readFileSync(file);
  if (b.readUInt32LE(0) !== 0x6d736100) throw new Error(`${file}: not a WebAssembly module`);
  const uleb = (p) => { let r = 0, s = 0, x; do { x = b[p++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return [r, p]; };
  const name = (p) => { const [n, q] = uleb(p); return [b.toString('utf8', q, q + n), q + n]; };
  const limits = (p) => { const flags = b[p]; let [min, q] = uleb(p + 1); if (flags & 1) [, q] = uleb(q); return [min, q, flags]; };
  const out = { file, bytes: b.length, code_bytes: 0, functions: 0, imported_functions: 0, imports: 0, exports: 0,
    largest_body: 0, p99_body: 0, bodies_over_8k: 0, memory_min_pages: null, memory64: false, data_bytes: 0, export_funcs: [] };
  let p = 8;
  while (p < b.length) {
    const id = b[p]; const [size, q] = uleb(p + 1); const end = q + size;
    if (id === 2) { // import
      let [n, r] = uleb(q); out.imports = n;
      for (let i = 0; i < n; i++) {
        [, r] = name(r); [, r] = name(r); const kind = b[r++];
        if (kind === 0) { out.imported_functions++; [, r] = uleb(r); }
        else if (kind === 1) { r++; [, r] = limits(r); }
        else if (kind === 2) { let min, flags; [min, r, flags] = limits(r); out.memory_min_pages = min; out.memory64 = (flags & 4) !== 0; }
        else if (kind === 3) r += 2;
        else if (kind === 4) { r++; [, r] = uleb(r); }
      }
    } else if (id === 5) { // memory
      const [n, r] = uleb(q); if (n > 0) { const flags = b[r]; out.memory_min_pages = uleb(r + 1)[0]; out.memory64 = (flags & 4) !== 0; }
    } else if (id === 7) { // export
      let [n, r] = uleb(q); out.exports = n;
      for (let i = 0; i < n; i++) { let nm; [nm, r] = name(r); const kind = b[r++]; [, r] = uleb(r); if (kind === 0) out.export_funcs.push(nm); }
    } else if (id === 10) { // code
      out.code_bytes = size;
      let [n, r] = uleb(q); out.functions = n; const sizes = [];
      for (let i = 0; i < n; i++) { let s; [s, r] = uleb(r); sizes.push(s); r += s; }
      sizes.sort((x, y) => x - y);
      out.largest_body = sizes.at(-1) ?? 0;
      out.p99_body = sizes[Math.floor(sizes.length * 0.99)] ?? 0;
      out.bodies_over_8k = sizes.filter((s) => s > 8000).length;
    } else if (id === 11) out.data_bytes = size;
    p = end;
  }
  return out;
}

for (const f of process.argv.slice(2)) console.log(JSON.stringify(facts(f)));

#!/usr/bin/env node
// snapshot-diff.mjs [--input IN.wasm] A.wasm B.wasm [--vary-a A2.wasm]... [--vary-b B2.wasm]... : compares
// the state two pre-initialized modules start in, as the binary format defines it, without running either:
// each memory's minimum size and its bytes once the active data segments are applied, and each defined
// global's constant initializer; and their interface: imports (in order) and exports. Prints one JSON line (equal, memory sizes, differing bytes and their first
// ranges with both sides' bytes, differing globals) and exits 0 when the states are equal, 1 when they
// differ. Other runs of each side explain differences: a differing byte counts as explained where a
// --vary-a run differs from A, or a --vary-b run from B, in the same aligned 8-byte word (runs with other
// clocks or random streams), so that what init read from them is told apart from what it computed;
// "unexplained" counts the rest, and only those make it exit 1. --input names the module both came from,
// so that stale bytes of the stack below the stack pointer are told apart too (see deadStackEnd below).
// Independent of wisex's own parser: the reference for outputs of Wizer and wisex on the same input
// (scripts/realworld-parity.sh).

// --input names the module both came from, so that stale bytes of the stack below the stack pointer are
// told apart too (see deadStackEnd below).
// Independent of wisex's own parser: the reference for outputs of Wizer and wisex on the same input
// (scripts/realworld-parity.sh).
import { readFileSync } from 'node:fs';

function state(file) {
  const b = readFileSync(file);
  if (b.readUInt32LE(0) !== 0x6d736100) throw new Error(`${file}: not a WebAssembly module`);
  const uleb = (p) => { let r = 0n, s = 0n, x; do { x = b[p++]; r |= BigInt(x & 0x7f) << s; s += 7n; } while (x & 0x80); return [r, p]; };
  const sleb = (p, bits) => {
    let r = 0n, s = 0n, x;
    do { x = b[p++]; r |= BigInt(x & 0x7f) << s; s += 7n; } while (x & 0x80);
    if (x & 0x40) r -= 1n << s;
    return [BigInt.asIntN(bits, r), p];
  };
  const u = (p) => { const [v, q] = uleb(p); return [Number(v), q]; };
  const name = (p) => { const [n, q] = u(p); return q + n; };
  const limits = (p) => { const flags = b[p]; let [min, q] = uleb(p + 1); if (flags & 1) [, q] = uleb(q); return [min, q, flags]; };
  // A constant expression: its value as a string (bits for floats), or "global.get N"; the position after `end`.
  const constExpr = (p) => {
    const op = b[p++]; let v;
    if (op === 0x41) [v, p] = sleb(p, 32);
    else if (op === 0x42) [v, p] = sleb(p, 64);
    else if (op === 0x43) { v = 'f32:' + b.readUInt32LE(p).toString(16); p += 4; }
    else if (op === 0x44) { v = 'f64:' + b.readBigUInt64LE(p).toString(16); p += 8; }
    else if (op === 0x23) { let g; [g, p] = u(p); v = 'global.get ' + g; }
    else if (op === 0xd2) { let f; [f, p] = u(p); v = 'ref.func ' + f; }
    else if (op === 0xd0) { p++; v = 'ref.null'; }
    else throw new Error(`${file}: constant expression opcode 0x${op.toString(16)} not handled`);
    if (b[p++] !== 0x0b) throw new Error(`${file}: extended constant expression not handled`);
    return [String(v), p];
  };
  const memories = []; const globals = []; const imports = []; const exports = [];
  let lowestData = Infinity, stackPointer = null;
  let p = 8;
  while (p < b.length) {
    const id = b[p]; const [size, q] = u(p + 1); const end = q + size;
    if (id === 2) {
      let [n, r] = u(q);
      for (let i = 0; i < n; i++) {
        const from = r; r = name(r); r = name(r); const kind = b[r++];
        imports.push(b.toString('hex', from, r));
        if (kind === 0) [, r] = u(r);
        else if (kind === 1) { r++; [, r] = limits(r); }
        else if (kind === 2) { let min; [min, r] = limits(r); memories.push({ pages: Number(min) }); }
        else if (kind === 3) r += 2;
        else if (kind === 4) { r++; [, r] = u(r); }
      }
    } else if (id === 5) {
      let [n, r] = u(q);
      for (let i = 0; i < n; i++) { let min; [min, r] = limits(r); memories.push({ pages: Number(min) }); }
    } else if (id === 6) {
      let [n, r] = u(q);
      for (let i = 0; i < n; i++) {
        const type = b[r], mutable = b[r + 1]; r += 2; let v; [v, r] = constExpr(r); globals.push(`${type.toString(16)}:${v}`);
        if (i === 0 && type === 0x7f && mutable === 1 && /^-?[0-9]+$/.test(v)) stackPointer = Number(BigInt.asUintN(32, BigInt(v)));
      }
    } else if (id === 7) {
      let [n, r] = u(q);
      for (let i = 0; i < n; i++) {
        const [len, t] = u(r); const nm = b.toString('utf8', t, t + len); r = t + len; const kind = b[r++]; let index; [index, r] = u(r);
        exports.push(`${nm} ${['func', 'table', 'memory', 'global', 'tag'][kind] ?? kind} ${index}`);
      }
    } else if (id === 11) {
      for (const m of memories) m.bytes = Buffer.alloc(m.pages * 65536);
      let [n, r] = u(q);
      for (let i = 0; i < n; i++) {
        let flags; [flags, r] = u(r);
        let mem = 0;
        if (flags === 2) [mem, r] = u(r);
        let offset = null;
        if (flags === 0 || flags === 2) { let v; [v, r] = constExpr(r); offset = Number(BigInt.asUintN(32, BigInt(v))); }
        let len; [len, r] = u(r);
        if (offset !== null) { b.copy(memories[mem].bytes, offset, r, r + len); if (mem === 0 && len > 0) lowestData = Math.min(lowestData, offset); }
        r += len;
      }
    }
    p = end;
  }
  for (const m of memories) m.bytes ??= Buffer.alloc(m.pages * 65536);
  return { memories, globals, imports, exports: exports.sort(), lowestData, stackPointer };
}

// Arguments: [--input IN] A B, then runs that vary A's or B's nondeterminism: --vary-a FILE, --vary-b FILE.
const args = process.argv.slice(2); const variesA = [], variesB = []; let input = null; const positional = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--input') input = state(args[++i]);
  else if (args[i] === '--vary-a') variesA.push(state(args[++i]));
  else if (args[i] === '--vary-b') variesB.push(state(args[++i]));
  else positional.push(state(args[i]));
}
const [a, b] = positional;
const others = [...variesA, ...variesB];
// With the input module: where the module keeps its stack below all of its data (the stack-first layout,
// global 0 a mutable i32 stack pointer at or below the input's lowest data segment, and back at its start
// value after init), memory 0 below the stack pointer holds only frames of calls that have returned.
// Differences there are stale locals (which depend on the order and the results of the host calls that
// ran deepest last), counted apart as "dead_stack" and not as findings.
const deadStackEnd =
  input && input.stackPointer !== null && input.stackPointer <= input.lowestData
    && a.stackPointer === input.stackPointer && b.stackPointer === input.stackPointer ? input.stackPointer : 0;
const WORD = 8;
// The aligned words in which module `o`'s memory `i` differs from `base`'s.
const differingWords = (base, o, i) => {
  const words = new Set(), x = base.memories[i]?.bytes, y = o.memories[i]?.bytes;
  if (!x || !y) return words;
  for (let k = 0; k < Math.max(x.length, y.length); k++) if ((x[k] ?? 0) !== (y[k] ?? 0)) words.add(Math.floor(k / WORD));
  return words;
};
const out = { equal: true, memories: [], globals: [] };
for (let i = 0; i < Math.max(a.memories.length, b.memories.length); i++) {
  const x = a.memories[i], y = b.memories[i];
  const explained = new Set([...variesA.flatMap((o) => [...differingWords(a, o, i)]),
    ...variesB.flatMap((o) => [...differingWords(b, o, i)])]);
  const m = { index: i, pages: [x?.pages, y?.pages], differing_bytes: 0, dead_stack: 0, unexplained: 0, ranges: [] };
  if (!x || !y || x.pages !== y.pages) out.equal = false;
  if (x && y) {
    const n = Math.max(x.bytes.length, y.bytes.length);
    let start = -1, unexplainedRange = false;
    for (let k = 0; k <= n; k++) {
      const differs = k < n && (x.bytes[k] ?? 0) !== (y.bytes[k] ?? 0);
      if (differs) {
        m.differing_bytes++;
        if (i === 0 && k < deadStackEnd) m.dead_stack++;
        else if (!explained.has(Math.floor(k / WORD))) { m.unexplained++; unexplainedRange = true; }
        if (start < 0) start = k;
      } else if (start >= 0) {
        // Unexplained ranges first in the sample, then the others.
        if (m.ranges.length < 8 || (unexplainedRange && m.ranges.some((r) => r.explained))) {
          if (m.ranges.length >= 8) m.ranges.splice(m.ranges.findIndex((r) => r.explained), 1);
          m.ranges.push({ at: start, length: k - start, explained: !unexplainedRange,
            a: x.bytes.subarray(start, Math.min(k, start + 16)).toString('hex'), b: y.bytes.subarray(start, Math.min(k, start + 16)).toString('hex') });
        }
        start = -1; unexplainedRange = false;
      }
    }
    if (others.length || deadStackEnd ? m.unexplained : m.differing_bytes) out.equal = false;
  }
  out.memories.push(m);
}
for (let i = 0; i < Math.max(a.globals.length, b.globals.length); i++) {
  if (a.globals[i] !== b.globals[i]) {
    const explained = variesA.some((o) => o.globals[i] !== a.globals[i]) || variesB.some((o) => o.globals[i] !== b.globals[i]);
    if (!explained) out.equal = false;
    out.globals.push({ index: i, a: a.globals[i], b: b.globals[i], explained });
  }
}
// The interface: the same imports in the same order (their index space), the same exports.
if (a.imports.join() !== b.imports.join()) { out.equal = false; out.imports = 'differ'; }
const onlyIn = (x, y) => x.exports.filter((e) => !y.exports.includes(e));
if (a.exports.join() !== b.exports.join()) { out.equal = false; out.exports = { only_a: onlyIn(a, b), only_b: onlyIn(b, a) }; }
console.log(JSON.stringify(out));
process.exit(out.equal ? 0 : 1);

'use strict';
// wisex's Node.js host: runs one WebAssembly instance in V8 for the Java process that started it.
// Frames on stdin and stdout (u32 length, u8 op, payload; little-endian) carry every request and
// answer (NodeProtocol.java holds the same numbers). The guest reaches nothing of this process but
// the functions the Java host lends it: every import calls back into Java.
const fs = require('fs');

const OP = {
  INSTANTIATE: 1, CALL: 2, GLOBAL: 3, MEMORY_SIZE: 4, MEMORY_READ: 5, MEMORY_WRITE: 6,
  HOST_RETURN: 7, HOST_TRAP: 8,
  OK: 0x81, RESULT: 0x82, ERROR: 0x83, HOST_CALL: 0x84, DATA: 0x85, VALUE: 0x86,
};
const ERROR = { TRAP: 1, LINK: 2, HOST: 3, STACK: 4, INTERNAL: 5, COMPILE: 6 };
const OLDEST_MAJOR = 20; // NodeBinary.OLDEST_MAJOR
if (Number(process.versions.node.split('.')[0]) < OLDEST_MAJOR) {
  process.stderr.write('wisex needs Node.js ' + OLDEST_MAJOR + ' or later; this is ' + process.version + '\n');
  process.exit(3);
}
// Should the JVM die without closing the pipe's other end (SIGKILL) while the guest runs in a loop, this
// process must not run on alone: a thread of its own ends it once its parent is gone.
const { Worker } = require('worker_threads');
new Worker(
  'const parent = process.ppid;' +
    "setInterval(() => { if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL'); }, 500);",
  { eval: true },
).unref();
const I32 = 0x7f, I64 = 0x7e, F32 = 0x7d, F64 = 0x7c, FUNCREF = 0x70, EXTERNREF = 0x6f;

function readFully(n) {
  const buffer = Buffer.allocUnsafe(n);
  let at = 0;
  while (at < n) {
    let read;
    try {
      read = fs.readSync(0, buffer, at, n - at, null);
    } catch (e) {
      if (e.code === 'EAGAIN') continue;
      throw e;
    }
    if (read === 0) process.exit(0); // Java closed the pipe: the instance is done
    at += read;
  }
  return buffer;
}

function writeFully(buffer) {
  let at = 0;
  while (at < buffer.length) {
    try {
      at += fs.writeSync(1, buffer, at, buffer.length - at);
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
    }
  }
}

class Reader {
  constructor(buffer) { this.buffer = buffer; this.at = 0; }
  u8() { return this.buffer[this.at++]; }
  u32() { const v = this.buffer.readUInt32LE(this.at); this.at += 4; return v; }
  u64() { const v = this.buffer.readBigUInt64LE(this.at); this.at += 8; return v; }
  bytes(n) { const v = this.buffer.subarray(this.at, this.at + n); this.at += n; return v; }
  str() { return this.bytes(this.u32()).toString('utf8'); }
  types() { const n = this.u8(); const t = []; for (let i = 0; i < n; i++) t.push(this.u8()); return t; }
}

class Writer {
  constructor(op) { this.parts = []; this.length = 0; this.u8(op); }
  push(b) { this.parts.push(b); this.length += b.length; return this; }
  u8(v) { return this.push(Buffer.from([v])); }
  u32(v) { const b = Buffer.allocUnsafe(4); b.writeUInt32LE(v >>> 0); return this.push(b); }
  u64(v) { const b = Buffer.allocUnsafe(8); b.writeBigUInt64LE(v); return this.push(b); }
  str(s) { const b = Buffer.from(String(s), 'utf8'); return this.u32(b.length).push(b); }
  send() {
    const head = Buffer.allocUnsafe(4);
    head.writeUInt32LE(this.length);
    writeFully(Buffer.concat([head, ...this.parts], 4 + this.length));
  }
}

function receive() {
  const length = readFully(4).readUInt32LE(0);
  return new Reader(readFully(length));
}

// Raw bits <-> JS values. f64 travels as its bits through a DataView, which keeps NaN payloads;
// f32 values reach JS widened to f64, so exact f32 bits cross through integer-typed wrappers
// that NodeModule adds to the module (a signalling f32 NaN would be quietened here otherwise).
const scratch = new DataView(new ArrayBuffer(8));
const references = [null];
function toJs(type, bits) {
  switch (type) {
    case I32: return Number(BigInt.asIntN(32, bits));
    case I64: return BigInt.asIntN(64, bits);
    case F32: scratch.setUint32(0, Number(bits & 0xffffffffn)); return scratch.getFloat32(0);
    case F64: scratch.setBigUint64(0, bits); return scratch.getFloat64(0);
    case FUNCREF: case EXTERNREF:
      return bits === 0xffffffffffffffffn ? null : references[Number(bits)];
    default: throw new Error('value type 0x' + type.toString(16) + ' cannot cross to the host');
  }
}
function toBits(type, value) {
  switch (type) {
    case I32: return BigInt(value >>> 0);
    case I64: return BigInt.asUintN(64, value);
    case F32: scratch.setFloat32(0, value); return BigInt(scratch.getUint32(0));
    case F64: scratch.setFloat64(0, value); return scratch.getBigUint64(0);
    case FUNCREF: case EXTERNREF: {
      if (value === null) return 0xffffffffffffffffn;
      let index = references.indexOf(value);
      if (index < 0) { index = references.length; references.push(value); }
      return BigInt(index);
    }
    default: throw new Error('value type 0x' + type.toString(16) + ' cannot cross to the host');
  }
}
function writeValues(writer, types, values) {
  writer.u8(types.length);
  types.forEach((type, i) => writer.u8(type).u64(toBits(type, values[i])));
}
function readValues(reader) {
  const n = reader.u8();
  const values = [];
  for (let i = 0; i < n; i++) { const type = reader.u8(); values.push(toJs(type, reader.u64())); }
  return values;
}

// Thrown through the guest's frames when a host function failed: Java keeps the exception itself.
class HostUnwind extends Error {}

let instance = null;
let memoryZero = '';
let hostDepth = 0;

function memory(name) {
  const m = instance && instance.exports[name];
  if (!(m instanceof WebAssembly.Memory)) throw new Error('no exported memory `' + name + '`');
  return m;
}

// Requests the Java host may make of this instance, at any time it is waiting for an answer.
function serveAccess(reader, op) {
  switch (op) {
    case OP.GLOBAL: {
      const name = reader.str(), type = reader.u8();
      const g = instance.exports[name];
      new Writer(OP.VALUE).u64(toBits(type, g instanceof WebAssembly.Global ? g.value : g)).send();
      return true;
    }
    case OP.MEMORY_SIZE:
      new Writer(OP.VALUE).u64(BigInt(memory(reader.str()).buffer.byteLength)).send();
      return true;
    case OP.MEMORY_READ: {
      const name = reader.str(), address = Number(reader.u64()), length = reader.u32();
      new Writer(OP.DATA).push(Buffer.from(memory(name).buffer, address, length)).send();
      return true;
    }
    case OP.MEMORY_WRITE: {
      // Unanswered: the next request that waits for an answer comes after it on the same pipe.
      const name = reader.str(), address = Number(reader.u64()), length = reader.u32();
      Buffer.from(memory(name).buffer, address, length).set(reader.bytes(length));
      return true;
    }
    default:
      return false;
  }
}

function hostFunction(index, params, results) {
  return function (...args) {
    // With the size of memory 0, which the host asks first of every access it checks.
    const m = instance && instance.exports[memoryZero];
    const call = new Writer(OP.HOST_CALL)
      .u32(index)
      .u64(BigInt(m instanceof WebAssembly.Memory ? m.buffer.byteLength : 0));
    writeValues(call, params, args);
    call.send();
    hostDepth++;
    try {
      for (;;) {
        const reader = receive();
        const op = reader.u8();
        if (serveAccess(reader, op)) continue;
        if (op === OP.HOST_TRAP) throw new HostUnwind();
        if (op !== OP.HOST_RETURN) throw new Error('unexpected request ' + op + ' in a host call');
        const values = readValues(reader);
        return results.length === 0 ? undefined : results.length === 1 ? values[0] : values;
      }
    } finally {
      hostDepth--;
    }
  };
}

function sendError(e, fallback) {
  let kind = fallback;
  if (e instanceof HostUnwind) kind = ERROR.HOST;
  else if (e instanceof WebAssembly.RuntimeError) kind = ERROR.TRAP;
  else if (e instanceof WebAssembly.LinkError) kind = ERROR.LINK;
  else if (e instanceof WebAssembly.CompileError) kind = ERROR.COMPILE;
  else if (e instanceof RangeError && /call stack/i.test(e.message)) kind = ERROR.STACK;
  let message = e && e.message !== undefined ? e.message : String(e);
  // V8 names the API call that failed ("WebAssembly.Instance(): data segment is out of bounds").
  message = message.replace(/^WebAssembly\.\w+\(\): /, '');
  if (typeof WebAssembly.Exception === 'function' && e instanceof WebAssembly.Exception) {
    kind = ERROR.TRAP;
    message = 'uncaught exception';
  }
  new Writer(OP.ERROR).u8(kind).str(message).send();
}

function instantiate(reader) {
  const bytes = reader.bytes(reader.u32());
  const imports = {};
  const count = reader.u32();
  for (let i = 0; i < count; i++) {
    const module = reader.str(), name = reader.str();
    const params = reader.types(), results = reader.types();
    (imports[module] ||= {})[name] = hostFunction(i, params, results);
  }
  const start = reader.str();
  memoryZero = reader.str();
  let compiled;
  try {
    compiled = new WebAssembly.Module(bytes);
  } catch (e) {
    return sendError(e, ERROR.COMPILE);
  }
  try {
    instance = new WebAssembly.Instance(compiled, imports);
  } catch (e) {
    return sendError(e, ERROR.LINK);
  }
  try {
    if (start) instance.exports[start]();
  } catch (e) {
    return sendError(e, ERROR.INTERNAL);
  }
  new Writer(OP.OK).send();
}

function call(reader) {
  const name = reader.str();
  const args = readValues(reader);
  const results = reader.types();
  let value;
  try {
    value = instance.exports[name](...args);
  } catch (e) {
    return sendError(e, ERROR.INTERNAL);
  }
  const values = results.length === 1 ? [value] : results.length === 0 ? [] : Array.from(value);
  const writer = new Writer(OP.RESULT);
  writeValues(writer, results, values);
  writer.send();
}

for (;;) {
  const reader = receive();
  const op = reader.u8();
  try {
    if (op === OP.INSTANTIATE) instantiate(reader);
    else if (op === OP.CALL) call(reader);
    else if (!serveAccess(reader, op)) throw new Error('unknown request ' + op);
  } catch (e) {
    sendError(e, ERROR.INTERNAL);
  }
}

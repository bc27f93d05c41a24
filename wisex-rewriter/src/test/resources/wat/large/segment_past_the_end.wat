;; An active segment that ends one byte past a memory of 32,769 pages: the spec's instantiation
;; traps, so init cannot run, on an engine that writes the segment itself and on one where wisex
;; writes it (an offset of 2 GiB or more on GraalWasm 25.0.2).
(module
  (memory (export "memory") 32769)
  (data (i32.const 0x8000FFFF) "ab")
  (func (export "wizex.initialize")))

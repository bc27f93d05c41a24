;; A 64-bit memory (memory64): init grows it and writes across a page boundary; segments use i64 offsets.
(module
  (memory (export "memory") i64 1 8)
  (global $old (mut i64) (i64.const -1))
  (func (export "wizex.initialize")
    (global.set $old (memory.grow (i64.const 2)))
    (i64.store (i64.const 65532) (i64.const 0x0102030405060708))
    (i32.store8 (i64.const 196607) (i32.const 0xff)))
  (func (export "load") (param i64) (result i32) (i32.load8_u (local.get 0)))
  (func (export "size") (result i64) (memory.size)))

;; A 256 MiB memory with a few non-zero bytes: the output must stay small.
(module
  (memory (export "memory") 4096)
  (func (export "wizex.initialize")
    (i32.store8 (i32.const 12345) (i32.const 1))
    (i32.store (i32.const 134217728) (i32.const 0x01020304))
    (i32.store8 (i32.const 268435455) (i32.const 9)))
  (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0))))

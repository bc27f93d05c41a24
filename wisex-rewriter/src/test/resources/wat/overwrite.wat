;; Data from an active segment is overwritten and partly zeroed by init: the snapshot must hold the zeros.
(module
  (memory (export "memory") 1)
  (data (i32.const 100) "hello, wonderful world")
  (func (export "wizex.initialize")
    (i32.store (i32.const 100) (i32.const 0))
    (i32.store8 (i32.const 110) (i32.const 0x58))
    (memory.fill (i32.const 112) (i32.const 0) (i32.const 10)))
  (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0))))

;; Sparse writes across page boundaries, up to the last byte, with zero gaps of 3 (merged) and 5 (split).
(module
  (memory (export "memory") 4)
  (func (export "wizex.initialize")
    (i32.store8 (i32.const 0) (i32.const 1))
    (i32.store8 (i32.const 4) (i32.const 2))   ;; gap of 3 zeros after byte 0: merged
    (i32.store8 (i32.const 10) (i32.const 3))  ;; gap of 5 zeros after byte 4: new segment
    (i32.store8 (i32.const 65535) (i32.const 4))
    (i32.store8 (i32.const 65536) (i32.const 5))
    (i32.store (i32.const 131070) (i32.const 0x01020304))
    (i32.store8 (i32.const 262143) (i32.const 255)))
  (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0))))

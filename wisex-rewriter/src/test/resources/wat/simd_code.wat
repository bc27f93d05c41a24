;; SIMD only inside code (no v128 global or signature): still needs a SIMD-capable backend.
(module
  (memory 1)
  (func (export "wizex.initialize")
    (v128.store (i32.const 0) (v128.const i32x4 1 2 3 4))))

;; For rewrite-only tests: a 64-bit memory and v128/f32 globals, which Chicory cannot run.
(module
  (memory i64 1 10)
  (global $v (mut v128) (v128.const i64x2 0 0))
  (global $f (mut f32) (f32.const 0))
  (func (export "wizex.initialize")))

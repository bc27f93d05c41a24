;; A library module preloaded as `lib`: a stateful counter and a pure function, with its own memory.
(module
  (memory 1)
  (global $calls (mut i32) (i32.const 100))
  (func (export "next") (result i32)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (global.get $calls))
  (func (export "mix") (param i64 f64) (result i64)
    (i64.add (local.get 0) (i64.trunc_f64_s (local.get 1))))
  (global (export "g") i32 (i32.const 5)))

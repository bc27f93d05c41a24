;; Init calls two functions of the preloaded module `lib` and keeps their results.
(module
  (import "lib" "next" (func $next (result i32)))
  (import "lib" "mix" (func $mix (param i64 f64) (result i64)))
  (memory (export "memory") 1)
  (global $a (mut i32) (i32.const 0))
  (global $b (mut i64) (i64.const 0))
  (func (export "wizex.initialize")
    (drop (call $next))
    (global.set $a (call $next))
    (global.set $b (call $mix (i64.const 40) (f64.const 2.5)))
    (i32.store (i32.const 8) (global.get $a)))
  (func (export "a") (result i32) (global.get $a))
  (func (export "b") (result i64) (global.get $b)))

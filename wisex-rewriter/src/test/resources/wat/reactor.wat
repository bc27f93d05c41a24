;; A WASI reactor: _initialize runs exactly once, before init; a second call traps like wasi-libc's.
(module
  (memory (export "memory") 1)
  (global $ctors (mut i32) (i32.const 0))
  (global $ready (mut i32) (i32.const 0))
  (func (export "_initialize")
    (if (global.get $ctors) (then unreachable))
    (global.set $ctors (i32.const 1)))
  (func (export "wizex.initialize")
    (if (i32.eqz (global.get $ctors)) (then unreachable))
    (global.set $ready (i32.const 1)))
  (func (export "ready") (result i32) (i32.add (global.get $ready) (global.get $ctors))))

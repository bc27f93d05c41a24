;; Init may be kept and called again; exports may be renamed.
(module
  (memory (export "memory") 1)
  (global $count (mut i32) (i32.const 0))
  (func $init (export "wizex.initialize")
    (global.set $count (i32.add (global.get $count) (i32.const 1)))
    (i32.store (i32.const 64) (global.get $count)))
  (func (export "main") (result i32) (i32.const 1))
  (func (export "main_after_init") (result i32) (i32.add (global.get $count) (i32.const 100)))
  (func (export "count") (result i32) (global.get $count)))

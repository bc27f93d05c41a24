;; A start function with side effects: it runs once at instantiation and must not run again in the output.
(module
  (memory (export "memory") 1)
  (global $count (mut i32) (i32.const 0))
  (func $start
    (global.set $count (i32.add (global.get $count) (i32.const 1)))
    (i32.store (i32.const 0) (global.get $count)))
  (start $start)
  (func (export "wizex.initialize")
    (global.set $count (i32.add (global.get $count) (i32.const 10)))
    (i32.store (i32.const 4) (global.get $count)))
  (func (export "count") (result i32) (global.get $count)))

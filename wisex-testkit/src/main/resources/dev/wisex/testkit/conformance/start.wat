(module
  (global $count (export "count") (mut i32) (i32.const 0))
  (func $start
    (global.set $count (i32.add (global.get $count) (i32.const 1))))
  (start $start)
  ;; A WASI command's entry point: instantiation must not run it.
  (func (export "_start")
    (global.set $count (i32.const 100)))
)

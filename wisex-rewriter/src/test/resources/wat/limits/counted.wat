;; Init calls a helper once and loops exactly 100 times: 2 function entries + 100 loop iterations.
(module
  (memory 1)
  (global $sum (mut i64) (i64.const 0))
  (func $add (param $i i32)
    (global.set $sum (i64.add (global.get $sum) (i64.extend_i32_u (local.get $i)))))
  (func (export "wizex.initialize")
    (local $i i32)
    (call $add (i32.const 1000))
    (loop $next
      (i32.store8 (local.get $i) (i32.add (local.get $i) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (i32.const 100)))))
  (func (export "sum") (result i64) (global.get $sum))
  (func (export "byte") (param i32) (result i32) (i32.load8_u (local.get 0))))

;; Issue 18: a return_call loop of N iterations (N from `n`) must run in constant stack.
;; $sum(n, acc) = acc + n + (n-1) + ... + 1; locals $scratch check that each "call" starts zeroed.
(module
  (global $n (export "n") (mut i64) (i64.const 10000000))
  (global $r (export "r") (mut i64) (i64.const 0))
  (global $dirty (export "dirty") (mut i32) (i32.const 0))
  (func $sum (param $n i64) (param $acc i64) (result i64) (local $scratch i32)
    (if (local.get $scratch) (then (global.set $dirty (i32.const 1))))
    (local.set $scratch (i32.const 1))
    (block $out
      (br_if $out (i64.eqz (local.get $n)))
      (return_call $sum (i64.sub (local.get $n) (i64.const 1)) (i64.add (local.get $acc) (local.get $n))))
    (br 0 (local.get $acc)))
  (func (export "wizex.initialize")
    (global.set $r (call $sum (global.get $n) (i64.const 0))))
  (func (export "sum") (param i64) (result i64) (call $sum (local.get 0) (i64.const 0))))

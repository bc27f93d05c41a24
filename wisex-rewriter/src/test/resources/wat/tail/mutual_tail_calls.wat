;; is_even/is_odd by mutual tail calls: return_call to another function, which wisex does not
;; rewrite into a loop (only self tail calls), so an engine must execute return_call itself.
(module
  (global $r (export "r") (mut i32) (i32.const -1))
  (func $even (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 1))
      (else (return_call $odd (i32.sub (local.get $n) (i32.const 1))))))
  (func $odd (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (return_call $even (i32.sub (local.get $n) (i32.const 1))))))
  (func (export "wizex.initialize")
    (global.set $r (call $even (i32.const 10000000)))))

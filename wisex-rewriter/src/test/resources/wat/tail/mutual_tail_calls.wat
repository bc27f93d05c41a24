;; is_even/is_odd by mutual tail calls: return_call to another function, which an engine must run
;; in constant stack for 10M steps to finish (Chicory 1.7.5 does; wisex only rewrites self tail calls).
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

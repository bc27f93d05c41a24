(module
  (memory (export "memory") 1)
  ;; Mixes integer, float and memory work so that the interpreter and the compiler can be compared.
  (func (export "churn") (param $n i32) (result i64)
    (local $i i32) (local $acc i64) (local $f f64)
    (local.set $f (f64.const 1.5))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store (i32.shl (i32.and (local.get $i) (i32.const 1023)) (i32.const 2))
          (i32.xor (local.get $i) (i32.const 0x5bd1e995)))
        (local.set $acc
          (i64.add
            (i64.mul (local.get $acc) (i64.const 6364136223846793005))
            (i64.extend_i32_u
              (i32.load (i32.shl (i32.and (i32.mul (local.get $i) (i32.const 7)) (i32.const 1023)) (i32.const 2))))))
        (local.set $f (f64.add (f64.mul (local.get $f) (f64.const 1.0000001)) (f64.convert_i32_s (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i64.xor (local.get $acc) (i64.reinterpret_f64 (local.get $f))))
)

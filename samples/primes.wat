;; Sample for the README: init sieves the primes below 100,000 into a table in linear memory, so the
;; pre-initialized module answers `is_prime` and `count` without doing the sieve at start-up.
(module
  (memory (export "memory") 2)
  (global $count (mut i32) (i32.const 0))
  (global $limit i32 (i32.const 100000))

  ;; byte n of memory is 1 when n is composite (n < limit)
  (func $sieve
    (local $i i32) (local $j i32)
    (i32.store8 (i32.const 0) (i32.const 1))
    (i32.store8 (i32.const 1) (i32.const 1))
    (local.set $i (i32.const 2))
    (block $done
      (loop $outer
        (br_if $done (i32.gt_u (i32.mul (local.get $i) (local.get $i)) (global.get $limit)))
        (if (i32.eqz (i32.load8_u (local.get $i)))
          (then
            (local.set $j (i32.mul (local.get $i) (local.get $i)))
            (block $inner_done
              (loop $inner
                (br_if $inner_done (i32.ge_u (local.get $j) (global.get $limit)))
                (i32.store8 (local.get $j) (i32.const 1))
                (local.set $j (i32.add (local.get $j) (local.get $i)))
                (br $inner)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $outer))))

  (func $count_primes
    (local $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $n) (global.get $limit)))
        (if (i32.eqz (i32.load8_u (local.get $n)))
          (then (global.set $count (i32.add (global.get $count) (i32.const 1)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next))))

  (func (export "wizex.initialize")
    (call $sieve)
    (call $count_primes))

  (func (export "count") (result i32) (global.get $count))
  (func (export "is_prime") (param $n i32) (result i32)
    (if (result i32) (i32.ge_u (local.get $n) (global.get $limit))
      (then (i32.const 0))
      (else (i32.eqz (i32.load8_u (local.get $n)))))))

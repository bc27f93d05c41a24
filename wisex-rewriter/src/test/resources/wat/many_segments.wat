;; Init writes 12,000 isolated bytes: more than Wizer's cap of 10,000 segments, so gaps must be merged.
(module
  (memory (export "memory") 2)
  (func (export "wizex.initialize")
    (local $i i32)
    (loop $next
      (i32.store8 (i32.mul (local.get $i) (i32.const 10)) (i32.add (local.get $i) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (i32.const 12000)))))
  (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0))))

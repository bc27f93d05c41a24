;; Shaped like the benchmark corpus: `alloc`, `run(ptr, len)` and an init export; `run` initializes
;; lazily (a table of squares) when init has not run, so the pre-initialized module skips that work.
(module
  (memory (export "memory") 2)
  (global $ready (mut i32) (i32.const 0))
  (global $heap (mut i32) (i32.const 4096))
  (func $init (export "wizex.initialize")
    (local $i i32)
    (loop $fill
      (i32.store (i32.shl (local.get $i) (i32.const 2)) (i32.mul (local.get $i) (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $fill (i32.lt_u (local.get $i) (i32.const 1000))))
    (global.set $ready (i32.const 1)))
  (func (export "alloc") (param $len i32) (result i32)
    (local $p i32)
    (local.set $p (global.get $heap))
    (global.set $heap (i32.add (global.get $heap) (local.get $len)))
    (local.get $p))
  ;; sum over the input bytes b of squares[b]
  (func (export "run") (param $ptr i32) (param $len i32) (result i32)
    (local $sum i32)
    (if (i32.eqz (global.get $ready)) (then (call $init)))
    (block $done
      (loop $each
        (br_if $done (i32.eqz (local.get $len)))
        (local.set $sum
          (i32.add (local.get $sum)
            (i32.load (i32.shl (i32.load8_u (local.get $ptr)) (i32.const 2)))))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 1)))
        (local.set $len (i32.sub (local.get $len) (i32.const 1)))
        (br $each)))
    (local.get $sum)))

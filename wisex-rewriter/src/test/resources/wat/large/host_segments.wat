;; HostAppliedSegmentsTest: with the threshold lowered to 0x180, segments from $high on (memory 0)
;; are written by the host, in order, before the start function runs; memory 1's stays with the engine.
(module
  (memory $m 1)
  (memory $n 1)
  (global $g (mut i32) (i32.const 0))
  (data $low (memory $m) (i32.const 0x100) "AAAA")
  (data $high (memory $m) (i32.const 0x200) "BBBB")
  (data $later (memory $m) (i32.const 0x102) "CC") ;; over $low: applied after it, so it wins
  (data $passive "P")
  (data $other (memory $n) (i32.const 0x10) "DD")
  (func $start
    (global.set $g (i32.load8_u $m (i32.const 0x200))) ;; sees $high: the start runs after the segments
    (i32.store8 $m (i32.const 0x201) (i32.const 0x58)))
  (start $start))

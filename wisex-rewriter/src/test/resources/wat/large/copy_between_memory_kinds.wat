;; Issue 18: memory.copy between a memory GraalWasm keeps in a byte array ($s: maximum 1 page) and
;; one it keeps off-heap ($a: no maximum, so off-heap when the module may pass 32,767 pages); the
;; engine threw a ClassCastException. By hand: "hello" at 100 in $a, "lo" at 10 in $s.
(module
  (memory $a (export "memory") 1)
  (memory $s (export "small") 1 1)
  (data $d "hello")
  (func (export "wizex.initialize")
    (memory.init $s $d (i32.const 0) (i32.const 0) (i32.const 5))
    (memory.copy $a $s (i32.const 100) (i32.const 0) (i32.const 5))
    (memory.copy $s $a (i32.const 10) (i32.const 103) (i32.const 2))))

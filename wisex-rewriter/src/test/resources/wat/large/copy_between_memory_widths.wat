;; memory.copy between a 64-bit memory ($w, off-heap on GraalWasm) and a 32-bit one it keeps in a byte
;; array ($n: maximum 2 pages); GraalWasm 25.0.2 threw a ClassCastException. By hand: "hello narrow"
;; at 100 in $w, "wide bytes" at 200 in $n, "de b" at 0x1000 in $w (copied back from $n).
(module
  (memory $w (export "wide") i64 1)
  (memory $n (export "narrow") 1 2)
  (data (memory $n) (i32.const 16) "hello narrow")
  (data (memory $w) (i64.const 32) "wide bytes")
  (func (export "wizex.initialize")
    (memory.copy $w $n (i64.const 100) (i32.const 16) (i32.const 12))
    (memory.copy $n $w (i32.const 200) (i64.const 32) (i32.const 10))
    (memory.copy $w $n (i64.const 0x1000) (i32.const 202) (i32.const 4))
    ;; the initial bytes, cleared
    (memory.fill $n (i32.const 16) (i32.const 0) (i32.const 12))
    (memory.fill $w (i64.const 32) (i32.const 0) (i64.const 10))))

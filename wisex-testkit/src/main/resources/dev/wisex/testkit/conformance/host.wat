(module
  ;; Sums `len` bytes at `ptr` and writes 0xAB just after them.
  (import "env" "sum_and_mark" (func $sum (param i32 i32) (result i32)))
  (import "env" "fail" (func $fail))
  (memory (export "memory") 1)
  (data (i32.const 100) "\01\02\03\04")
  (func (export "run") (result i32)
    (call $sum (i32.const 100) (i32.const 4)))
  (func (export "call_fail")
    call $fail)
  (func (export "marker") (result i32)
    (i32.load8_u (i32.const 104)))
)

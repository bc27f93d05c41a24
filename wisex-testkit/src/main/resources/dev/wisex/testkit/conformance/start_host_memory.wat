(module
  ;; The start function hands the host a pointer into a memory the module does not export.
  (import "env" "peek" (func $peek (param i32)))
  (memory 1)
  (data (i32.const 8) "\2a")
  (func $start (call $peek (i32.const 8)))
  (start $start)
  (func (export "poke") (call $peek (i32.const 9)))
  (func (export "at9") (result i32) (i32.load8_u (i32.const 9)))
)

;; Init stores a marker, then exits with the code in global $code (set by the test through the module text).
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (global $after (mut i32) (i32.const 0))
  (func (export "wizex.initialize")
    (i32.store (i32.const 0) (i32.const 42))
    (call $proc_exit (i32.const CODE))
    (global.set $after (i32.const 1)))
  (func (export "marker") (result i32) (i32.load (i32.const 0)))
  (func (export "after") (result i32) (global.get $after)))

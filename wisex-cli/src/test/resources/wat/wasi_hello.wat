;; Init prints a line with fd_write and stores the byte count at 0.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 256) "hello from init\n")
  (func (export "wizex.initialize")
    (i32.store (i32.const 64) (i32.const 256))
    (i32.store (i32.const 68) (i32.const 16))
    (drop (call $fd_write (i32.const 1) (i32.const 64) (i32.const 1) (i32.const 0)))))

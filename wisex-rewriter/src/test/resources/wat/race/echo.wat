;; Init copies what it reads from stdin (one fd_read of up to 100 bytes) to stdout, and writes
;; "err\n" to stderr; nread lands at 0, so the snapshot holds what init read.
(module
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 512) "err\n")
  (func (export "wizex.initialize")
    (i32.store (i32.const 64) (i32.const 256))
    (i32.store (i32.const 68) (i32.const 100))
    (drop (call $fd_read (i32.const 0) (i32.const 64) (i32.const 1) (i32.const 0)))
    (i32.store (i32.const 68) (i32.load (i32.const 0)))
    (drop (call $fd_write (i32.const 1) (i32.const 64) (i32.const 1) (i32.const 4)))
    (i32.store (i32.const 72) (i32.const 512))
    (i32.store (i32.const 76) (i32.const 4))
    (drop (call $fd_write (i32.const 2) (i32.const 72) (i32.const 1) (i32.const 8)))))

;; Init writes a line to stdout and one to stderr with fd_write; nwritten at 0 and 4, errnos at 1000.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 256) "hello from init\n")
  (data (i32.const 272) "to stderr\n")
  (func (export "wizex.initialize")
    (i32.store (i32.const 64) (i32.const 256))
    (i32.store (i32.const 68) (i32.const 16))
    (i32.store (i32.const 1000) (call $fd_write (i32.const 1) (i32.const 64) (i32.const 1) (i32.const 0)))
    (i32.store (i32.const 72) (i32.const 272))
    (i32.store (i32.const 76) (i32.const 10))
    (i32.store (i32.const 1004) (call $fd_write (i32.const 2) (i32.const 72) (i32.const 1) (i32.const 4)))
    ;; fd 9 is not open: EBADF
    (i32.store (i32.const 1008) (call $fd_write (i32.const 9) (i32.const 64) (i32.const 1) (i32.const 8)))))

;; Init reads `input.txt` from the preopen at fd 3 into memory at 4096, and the first environment string at 8192.
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 2048) "input.txt")
  (func (export "wizex.initialize")
    (if (call $path_open (i32.const 3) (i32.const 1) (i32.const 2048) (i32.const 9) (i32.const 0)
          (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 64))
      (then unreachable))
    (i32.store (i32.const 32) (i32.const 4096))
    (i32.store (i32.const 36) (i32.const 100))
    (drop (call $fd_read (i32.load (i32.const 64)) (i32.const 32) (i32.const 1) (i32.const 68)))
    (drop (call $environ_get (i32.const 128) (i32.const 8192)))))

;; Imports from both namespaces, as wasix-libc links them: preview1 names from wasi_snapshot_preview1,
;; extensions from wasix_32v1. Init opens /data/input.txt (preview1), duplicates the fd (wasix),
;; reads through the duplicate (preview1) into 4096, and stores the cwd (wasix) at 8192.
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasix_32v1" "fd_dup" (func $fd_dup (param i32 i32) (result i32)))
  (import "wasix_32v1" "chdir" (func $chdir (param i32 i32) (result i32)))
  (import "wasix_32v1" "getcwd" (func $getcwd (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 2048) "input.txt")
  (data (i32.const 2064) "/data")
  (func (export "wizex.initialize")
    (if (call $path_open (i32.const 3) (i32.const 1) (i32.const 2048) (i32.const 9) (i32.const 0)
          (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 64))
      (then unreachable))
    (if (call $fd_dup (i32.load (i32.const 64)) (i32.const 68)) (then unreachable))
    (i32.store (i32.const 32) (i32.const 4096))
    (i32.store (i32.const 36) (i32.const 100))
    (if (call $fd_read (i32.load (i32.const 68)) (i32.const 32) (i32.const 1) (i32.const 72))
      (then unreachable))
    (if (call $chdir (i32.const 2064) (i32.const 5)) (then unreachable))
    (i32.store (i32.const 80) (i32.const 64))
    (if (call $getcwd (i32.const 8192) (i32.const 80)) (then unreachable)))
  (func (export "nread") (result i32) (i32.load (i32.const 72))))

;; Escape attempts and hostile arguments, with two preopens: fd 3 = /data, fd 4 = /other.
;; Each call's errno i is stored at 1000 + 4 * i; see SandboxEscapeTest.
(module
  (import "wasi_snapshot_preview1" "path_link" (func $path_link (param i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_rename" (func $path_rename (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_filestat_get"
    (func $path_filestat_get (param i32 i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 2048) "input.txt")
  (data (i32.const 2064) "../outside.txt")
  (data (i32.const 2096) "../../etc/passwd")
  (data (i32.const 2128) "/etc/passwd")
  (data (i32.const 2160) "moved.txt")
  (data (i32.const 2176) "../data/input.txt")
  (data (i32.const 2208) "to_secret")
  (data (i32.const 2240) ".")
  (func $e (param $i i32) (param $v i32)
    (i32.store (i32.add (i32.const 1000) (i32.shl (local.get $i) (i32.const 2))) (local.get $v)))
  (func (export "wizex.initialize")
    ;; hard links: a link out of the tree, a link to a file out of the tree, to an absolute path,
    ;; to a symlink that points out
    (call $e (i32.const 0) (call $path_link (i32.const 3) (i32.const 0) (i32.const 2048) (i32.const 9)
      (i32.const 3) (i32.const 2064) (i32.const 14)))
    (call $e (i32.const 1) (call $path_link (i32.const 3) (i32.const 0) (i32.const 2096) (i32.const 16)
      (i32.const 3) (i32.const 2160) (i32.const 9)))
    (call $e (i32.const 2) (call $path_link (i32.const 3) (i32.const 0) (i32.const 2128) (i32.const 11)
      (i32.const 3) (i32.const 2160) (i32.const 9)))
    (call $e (i32.const 3) (call $path_link (i32.const 3) (i32.const 1) (i32.const 2208) (i32.const 9)
      (i32.const 3) (i32.const 2160) (i32.const 9)))
    ;; renames: out of the tree, across preopens by climbing, and across preopens directly
    (call $e (i32.const 4) (call $path_rename (i32.const 3) (i32.const 2048) (i32.const 9)
      (i32.const 3) (i32.const 2064) (i32.const 14)))
    (call $e (i32.const 5) (call $path_rename (i32.const 4) (i32.const 2176) (i32.const 17)
      (i32.const 4) (i32.const 2160) (i32.const 9)))
    (call $e (i32.const 6) (call $path_rename (i32.const 3) (i32.const 2048) (i32.const 9)
      (i32.const 4) (i32.const 2160) (i32.const 9)))
    ;; a huge iovec count and iovecs that point out of memory
    (i32.store (i32.const 0) (i32.const 2048))
    (i32.store (i32.const 4) (i32.const 9))
    (call $e (i32.const 7) (call $fd_write (i32.const 1) (i32.const 0) (i32.const 0x7fffffff) (i32.const 8)))
    (call $e (i32.const 8) (call $fd_write (i32.const 1) (i32.const 65530) (i32.const 1) (i32.const 8)))
    (i32.store (i32.const 16) (i32.const 65530))
    (i32.store (i32.const 20) (i32.const 100))
    (call $e (i32.const 9) (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 8)))
    ;; a path and result pointers out of memory
    (call $e (i32.const 10) (call $path_open (i32.const 3) (i32.const 0) (i32.const 65530) (i32.const 100)
      (i32.const 0) (i64.const 0x42) (i64.const 0) (i32.const 0) (i32.const 24)))
    (call $e (i32.const 11) (call $path_open (i32.const 3) (i32.const 0) (i32.const 2240) (i32.const 1)
      (i32.const 0) (i64.const 0x42) (i64.const 0) (i32.const 0) (i32.const 65535)))
    (call $e (i32.const 12) (call $args_get (i32.const 65534) (i32.const 65534)))
    (call $e (i32.const 13) (call $path_filestat_get (i32.const 3) (i32.const 0) (i32.const 2240) (i32.const 1)
      (i32.const 65500)))
    ;; a read into memory that is not there
    (call $e (i32.const 14) (call $fd_read (i32.const 0) (i32.const 0) (i32.const -1) (i32.const 8)))))

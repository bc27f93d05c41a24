;; Init asks fd_fdstat_get about each kind of fd, as a libc's fcntl(F_GETFL) and isatty do, and
;; keeps the answers: stdio, the preopen at fd 3, a file opened for reading, one for reading and
;; appending, a directory opened under the preopen; then fd_filestat_get of stdout and
;; fd_fdstat_set_rights. The 24-byte fdstat of case i is at 128 + 32 * i; errno i at 1000 + 4 * i.
;; See WasiFdstatTest, which holds the answers to wasmtime's (Wizer's engine).
(module
  (import "wasi_snapshot_preview1" "fd_fdstat_get" (func $fdstat (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_filestat_get" (func $filestat (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_fdstat_set_rights"
    (func $set_rights (param i32 i64 i64) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 2048) "in.txt")
  (data (i32.const 2064) "sub")
  (func $e (param $i i32) (param $v i32)
    (i32.store (i32.add (i32.const 1000) (i32.shl (local.get $i) (i32.const 2))) (local.get $v)))
  (func $stat (param $i i32) (param $fd i32)
    (call $e (local.get $i)
      (call $fdstat (local.get $fd) (i32.add (i32.const 128) (i32.shl (local.get $i) (i32.const 5))))))
  (func (export "wizex.initialize")
    (call $stat (i32.const 0) (i32.const 0))
    (call $stat (i32.const 1) (i32.const 1))
    (call $stat (i32.const 2) (i32.const 2))
    (call $stat (i32.const 3) (i32.const 3))
    ;; in.txt with FD_READ | FD_SEEK | FD_TELL (wasi-libc's O_RDONLY asks for more; any subset works)
    (call $e (i32.const 10) (call $path_open (i32.const 3) (i32.const 0) (i32.const 2048) (i32.const 6)
      (i32.const 0) (i64.const 0x26) (i64.const 0) (i32.const 0) (i32.const 900)))
    (call $stat (i32.const 4) (i32.load (i32.const 900)))
    ;; in.txt with FD_READ | FD_WRITE and fdflags APPEND
    (call $e (i32.const 11) (call $path_open (i32.const 3) (i32.const 0) (i32.const 2048) (i32.const 6)
      (i32.const 0) (i64.const 0x42) (i64.const 0) (i32.const 1) (i32.const 904)))
    (call $stat (i32.const 5) (i32.load (i32.const 904)))
    ;; sub with O_DIRECTORY and FD_READ | FD_READDIR
    (call $e (i32.const 12) (call $path_open (i32.const 3) (i32.const 0) (i32.const 2064) (i32.const 3)
      (i32.const 2) (i64.const 0x4002) (i64.const 0) (i32.const 0) (i32.const 908)))
    (call $stat (i32.const 6) (i32.load (i32.const 908)))
    (call $e (i32.const 13) (call $filestat (i32.const 1) (i32.const 512)))
    (call $e (i32.const 14) (call $set_rights (i32.const 3) (i64.const 0) (i64.const 0)))
  )
)

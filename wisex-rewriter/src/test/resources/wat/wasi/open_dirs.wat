;; Init opens names in ways Linux (and wasmtime, whose files are the host's) refuses: a directory to
;; write, with O_CREAT or O_EXCL, O_DIRECTORY with O_CREAT/O_EXCL/O_TRUNC, O_CREAT on "a.txt/", and
;; O_CREAT|O_EXCL on a symlink loop. errno i is at 1000 + 4 * i. The preopen is fd 3, holding a.txt,
;; the directory sub and the symlinks loop1 -> loop2 -> loop1. See WasmtimePreview1Test.
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 512) "sub")
  (data (i32.const 528) "a.txt")
  (data (i32.const 544) "a.txt/")
  (data (i32.const 560) "loop1")
  ;; open(name at $p, $len bytes) with $oflags and rights $rights, symlinks followed
  (func $open (param $i i32) (param $p i32) (param $len i32) (param $oflags i32) (param $rights i64)
    (i32.store (i32.add (i32.const 1000) (i32.shl (local.get $i) (i32.const 2)))
      (call $path_open (i32.const 3) (i32.const 1) (local.get $p) (local.get $len) (local.get $oflags)
        (local.get $rights) (i64.const 0) (i32.const 0) (i32.const 900))))
  (func (export "wizex.initialize")
    (call $open (i32.const 0) (i32.const 512) (i32.const 3) (i32.const 0) (i64.const 0x42))   ;; sub, read+write
    (call $open (i32.const 1) (i32.const 512) (i32.const 3) (i32.const 1) (i64.const 0x2))    ;; sub, O_CREAT
    (call $open (i32.const 2) (i32.const 512) (i32.const 3) (i32.const 4) (i64.const 0x42))   ;; sub, O_EXCL, rw
    (call $open (i32.const 3) (i32.const 512) (i32.const 3) (i32.const 2) (i64.const 0x42))   ;; sub, O_DIRECTORY, rw
    (call $open (i32.const 4) (i32.const 528) (i32.const 5) (i32.const 3) (i64.const 0x2))    ;; a.txt, O_CREAT|O_DIRECTORY
    (call $open (i32.const 5) (i32.const 512) (i32.const 3) (i32.const 6) (i64.const 0x2))    ;; sub, O_DIRECTORY|O_EXCL
    (call $open (i32.const 6) (i32.const 512) (i32.const 3) (i32.const 10) (i64.const 0x2))   ;; sub, O_DIRECTORY|O_TRUNC
    (call $open (i32.const 7) (i32.const 544) (i32.const 6) (i32.const 1) (i64.const 0x42))   ;; a.txt/, O_CREAT
    (call $open (i32.const 8) (i32.const 560) (i32.const 5) (i32.const 5) (i64.const 0x42))   ;; loop1, O_CREAT|O_EXCL
    (call $open (i32.const 9) (i32.const 512) (i32.const 3) (i32.const 2) (i64.const 0x4002)) ;; sub, O_DIRECTORY, read
    (call $open (i32.const 10) (i32.const 528) (i32.const 5) (i32.const 0) (i64.const 0x42))  ;; a.txt, rw
  )
)

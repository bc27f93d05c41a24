;; Init reaches copied-in files in every way that must find their bytes, each file for the first time
;; after the clock has moved: a stat, a read, a read after a rename, a read through a hard link
;; made first, a read through a symlink, a stat after its times were set, and an unlink of one never
;; read. The preopen is fd 3. errno i is at 1000 + 4 * i; filestats (64 bytes) at 2048 + 64 * k;
;; what reads return at 4096 + 64 * k (the count at 3072 + 4 * k). See WasiLazyCopyTest.
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_filestat_get"
    (func $stat (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_filestat_set_times"
    (func $set_times (param i32 i32 i32 i32 i64 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_rename" (func $rename (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_link" (func $link (param i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_unlink_file" (func $unlink (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 512) "a.txt")
  (data (i32.const 528) "b.txt")
  (data (i32.const 544) "b2.txt")
  (data (i32.const 560) "c.txt")
  (data (i32.const 576) "c-link")
  (data (i32.const 592) "to_d")
  (data (i32.const 608) "e.txt")
  (data (i32.const 624) "f.txt")
  (func $e (param $i i32) (param $v i32)
    (i32.store (i32.add (i32.const 1000) (i32.shl (local.get $i) (i32.const 2))) (local.get $v)))
  ;; Opens the name at $name ($len bytes, symlinks followed) and reads up to 64 bytes into slot $k.
  (func $read (param $i i32) (param $name i32) (param $len i32) (param $k i32)
    (call $e (local.get $i) (call $path_open (i32.const 3) (i32.const 1) (local.get $name) (local.get $len)
      (i32.const 0) (i64.const 0x2) (i64.const 0) (i32.const 0) (i32.const 900)))
    (i32.store (i32.const 904) (i32.add (i32.const 4096) (i32.shl (local.get $k) (i32.const 6))))
    (i32.store (i32.const 908) (i32.const 64))
    (call $e (i32.add (local.get $i) (i32.const 1))
      (call $fd_read (i32.load (i32.const 900)) (i32.const 904) (i32.const 1)
        (i32.add (i32.const 3072) (i32.shl (local.get $k) (i32.const 2))))))
  (func (export "wizex.initialize")
    ;; sleep 5 s on the monotonic clock: files are first reached after the clock has moved
    (i64.store (i32.const 0) (i64.const 7))
    (i32.store8 (i32.const 8) (i32.const 0))
    (i32.store (i32.const 16) (i32.const 1))
    (i64.store (i32.const 24) (i64.const 5000000000))
    (call $e (i32.const 0) (call $poll (i32.const 0) (i32.const 256) (i32.const 1) (i32.const 300)))
    (call $e (i32.const 1) (call $stat (i32.const 3) (i32.const 0) (i32.const 512) (i32.const 5) (i32.const 2048)))
    (call $read (i32.const 2) (i32.const 512) (i32.const 5) (i32.const 0))
    (call $e (i32.const 4) (call $rename (i32.const 3) (i32.const 528) (i32.const 5) (i32.const 3) (i32.const 544) (i32.const 6)))
    (call $read (i32.const 5) (i32.const 544) (i32.const 6) (i32.const 1))
    (call $e (i32.const 7) (call $link (i32.const 3) (i32.const 0) (i32.const 560) (i32.const 5) (i32.const 3) (i32.const 576) (i32.const 6)))
    (call $read (i32.const 8) (i32.const 576) (i32.const 6) (i32.const 2))
    (call $read (i32.const 10) (i32.const 592) (i32.const 4) (i32.const 3))
    (call $e (i32.const 12) (call $set_times (i32.const 3) (i32.const 0) (i32.const 608) (i32.const 5)
      (i64.const 111) (i64.const 222) (i32.const 5)))
    (call $e (i32.const 13) (call $stat (i32.const 3) (i32.const 0) (i32.const 608) (i32.const 5) (i32.const 2112)))
    (call $e (i32.const 14) (call $unlink (i32.const 3) (i32.const 624) (i32.const 5)))
    (call $e (i32.const 15) (call $stat (i32.const 3) (i32.const 0) (i32.const 624) (i32.const 5) (i32.const 2176)))
    (call $e (i32.const 16) (call $stat (i32.const 3) (i32.const 0) (i32.const 560) (i32.const 5) (i32.const 2240)))
  )
)

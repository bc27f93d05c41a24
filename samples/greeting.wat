;; Sample of init using WASI: it reads greeting.txt from the directory mapped at /data, draws 16 bytes
;; from random_get and reads the clock, so the pre-initialized module carries the file's text, the
;; salt and the time without any of those imports being called again.
;;   wisex --allow-wasi --mapdir /data::samples/data samples/greeting.wasm -o greeting.init.wasm
;; wisex's deterministic host makes the salt and time the same on every run (--seed changes the salt).
;; The build also runs this to train the class-data-sharing archive on the WASI path.
(module
  (import "wasi_snapshot_preview1" "fd_prestat_get" (func $fd_prestat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get"
    (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))

  ;; 0: iovec (pointer, length)   8: bytes read or written   12: opened fd   16: prestat
  ;; 24: clock time   64: path   96: messages   256: salt   1024: the greeting, up to 4 KiB
  (memory (export "memory") 1)
  (global $length (mut i32) (i32.const 0))
  (global $time (mut i64) (i64.const 0))
  (data (i32.const 64) "greeting.txt")
  (data (i32.const 96) "greeting: read greeting.txt during init\n")
  (data (i32.const 160) "greeting: cannot read /data/greeting.txt; pass --allow-wasi --mapdir /data::samples/data\n")

  ;; Writes `length` bytes at `at` to file descriptor `fd`.
  (func $write (param $fd i32) (param $at i32) (param $length i32)
    (i32.store (i32.const 0) (local.get $at))
    (i32.store (i32.const 4) (local.get $length))
    (drop (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8))))

  ;; Ends init with exit code 1 and the reason on stderr when a WASI call returned an error.
  (func $check (param $errno i32)
    (if (local.get $errno)
      (then
        (call $write (i32.const 2) (i32.const 160) (i32.const 89))
        (call $proc_exit (i32.const 1)))))

  (func (export "wizex.initialize")
    ;; fd 3 is the first preopened directory
    (call $check (call $fd_prestat_get (i32.const 3) (i32.const 16)))
    ;; read-only open (rights: fd_read)
    (call $check
      (call $path_open (i32.const 3) (i32.const 0) (i32.const 64) (i32.const 12)
        (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 12)))
    (i32.store (i32.const 0) (i32.const 1024))
    (i32.store (i32.const 4) (i32.const 4096))
    (call $check (call $fd_read (i32.load (i32.const 12)) (i32.const 0) (i32.const 1) (i32.const 8)))
    (global.set $length (i32.load (i32.const 8)))
    (call $check (call $fd_close (i32.load (i32.const 12))))
    (call $check (call $random_get (i32.const 256) (i32.const 16)))
    (call $check (call $clock_time_get (i32.const 0) (i64.const 1) (i32.const 24)))
    (global.set $time (i64.load (i32.const 24)))
    (call $write (i32.const 1) (i32.const 96) (i32.const 40)))

  ;; Address and length of the greeting read during init.
  (func (export "greeting") (result i32) (i32.const 1024))
  (func (export "greeting_length") (result i32) (global.get $length))
  ;; The first 8 bytes of the salt, and the clock reading (nanoseconds since 1970) taken during init.
  (func (export "salt") (result i64) (i64.load (i32.const 256)))
  (func (export "init_time") (result i64) (global.get $time)))

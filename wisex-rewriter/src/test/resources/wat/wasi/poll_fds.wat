;; Init polls one subscription at a time, as an event loop does: reading stdin, a file with bytes
;; left, a file at its end, writing stdout; then the subscriptions wasmtime refuses (an fd that is
;; not open, reading stdout, writing stdin, reading a directory, a CPU-time clock). Poll i keeps its
;; errno at 1000 + 4 * i, its event count at 1200 + 4 * i and its event (32 bytes) at 2048 + 32 * i.
;; The preopen is fd 3, holding a.txt ("hello") and empty.txt. See WasmtimePreview1Test.
(module
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 512) "a.txt")
  (data (i32.const 528) "empty.txt")
  (func $open (param $name i32) (param $len i32) (param $out i32)
    (drop (call $path_open (i32.const 3) (i32.const 0) (local.get $name) (local.get $len)
      (i32.const 0) (i64.const 0x2) (i64.const 0) (i32.const 0) (local.get $out))))
  ;; one subscription: userdata 100 + i, the tag, the fd or clock id
  (func $poll1 (param $i i32) (param $tag i32) (param $what i32)
    (i64.store (i32.const 0) (i64.extend_i32_u (i32.add (i32.const 100) (local.get $i))))
    (i32.store8 (i32.const 8) (local.get $tag))
    (i32.store (i32.const 16) (local.get $what))
    (i64.store (i32.const 24) (i64.const 0))
    (i64.store (i32.const 32) (i64.const 0))
    (i32.store16 (i32.const 40) (i32.const 0))
    (i32.store (i32.add (i32.const 1000) (i32.shl (local.get $i) (i32.const 2)))
      (call $poll (i32.const 0) (i32.add (i32.const 2048) (i32.shl (local.get $i) (i32.const 5)))
        (i32.const 1) (i32.add (i32.const 1200) (i32.shl (local.get $i) (i32.const 2))))))
  (func (export "wizex.initialize")
    (call $open (i32.const 512) (i32.const 5) (i32.const 900))
    (call $open (i32.const 528) (i32.const 9) (i32.const 904))
    (call $poll1 (i32.const 0) (i32.const 1) (i32.const 0))
    (call $poll1 (i32.const 1) (i32.const 1) (i32.load (i32.const 900)))
    (call $poll1 (i32.const 2) (i32.const 1) (i32.load (i32.const 904)))
    (call $poll1 (i32.const 3) (i32.const 2) (i32.const 1))
    (call $poll1 (i32.const 4) (i32.const 1) (i32.const 99))
    (call $poll1 (i32.const 5) (i32.const 1) (i32.const 1))
    (call $poll1 (i32.const 6) (i32.const 2) (i32.const 0))
    (call $poll1 (i32.const 7) (i32.const 1) (i32.const 3))
    (call $poll1 (i32.const 8) (i32.const 0) (i32.const 2))
  )
)

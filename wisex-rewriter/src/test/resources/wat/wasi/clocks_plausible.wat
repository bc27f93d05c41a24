;; Init reads realtime, then monotonic twice, and refuses (traps) what SpiderMonkey's debug build
;; asserts against: a zero realtime or monotonic time, or a monotonic clock that does not advance.
;; realtime at 0, monotonic at 8 and 16.
(module
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "wizex.initialize")
    (drop (call $clock_time_get (i32.const 0) (i64.const 1) (i32.const 0)))
    (drop (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 8)))
    (drop (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 16)))
    (if (i64.eqz (i64.load (i32.const 0))) (then unreachable))
    (if (i64.eqz (i64.load (i32.const 8))) (then unreachable))
    (if (i64.le_u (i64.load (i32.const 16)) (i64.load (i32.const 8))) (then unreachable))))

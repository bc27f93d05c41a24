;; Init reads the clocks, sleeps 1.5 s through poll_oneoff, reads them again, and draws 16 random bytes.
;; realtime at 0, monotonic at 8, resolution at 16, monotonic after the sleep at 24, random at 32..48,
;; poll result count at 64, event at 128 (32 bytes), subscription at 256 (48 bytes), errnos at 1000.
(module
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_res_get" (func $clock_res_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "sched_yield" (func $sched_yield (result i32)))
  (memory (export "memory") 1)
  (func (export "wizex.initialize")
    (i32.store (i32.const 1000) (call $clock_time_get (i32.const 0) (i64.const 1) (i32.const 0)))
    (i32.store (i32.const 1004) (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 8)))
    (i32.store (i32.const 1008) (call $clock_res_get (i32.const 1) (i32.const 16)))
    ;; subscription: userdata 7, tag 0 (clock), clock id 1 (monotonic), timeout 1.5e9 relative
    (i64.store (i32.const 256) (i64.const 7))
    (i32.store8 (i32.const 264) (i32.const 0))
    (i32.store (i32.const 272) (i32.const 1))
    (i64.store (i32.const 280) (i64.const 1500000000))
    (i32.store (i32.const 1012) (call $poll_oneoff (i32.const 256) (i32.const 128) (i32.const 1) (i32.const 64)))
    (i32.store (i32.const 1016) (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 24)))
    (i32.store (i32.const 1020) (call $random_get (i32.const 32) (i32.const 16)))
    (i32.store (i32.const 1024) (call $sched_yield))
    (i32.store (i32.const 1028) (call $clock_time_get (i32.const 9) (i64.const 1) (i32.const 40))))
  (func (export "realtime") (result i64) (i64.load (i32.const 0))))

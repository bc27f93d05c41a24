;; Init reads argv and the environment: sizes at 0..16, pointers at 64/8192, strings at 256/16384, errnos at 1000.
(module
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "wizex.initialize")
    (i32.store (i32.const 1000) (call $args_sizes_get (i32.const 0) (i32.const 4)))
    (i32.store (i32.const 1004) (call $args_get (i32.const 64) (i32.const 256)))
    (i32.store (i32.const 1008) (call $environ_sizes_get (i32.const 8) (i32.const 12)))
    (i32.store (i32.const 1012) (call $environ_get (i32.const 8192) (i32.const 16384))))
  (func (export "argc") (result i32) (i32.load (i32.const 0))))

;; A WASIX-shaped module: WASI calls during init write into the imported shared memory, which the
;; host functions receive as the calling instance's memory 0.
(module
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "env" "memory" (memory 1 4 shared))
  (start $__wasm_init_memory)
  (func $__wasm_init_memory
    (block $drop
      (block $wait
        (block $init
          (br_table $init $wait $drop
            (i32.atomic.rmw.cmpxchg (i32.const 16) (i32.const 0) (i32.const 1))))
        (i32.atomic.store (i32.const 16) (i32.const 2))
        (drop (memory.atomic.notify (i32.const 16) (i32.const -1)))
        (br $drop))
      (drop (memory.atomic.wait32 (i32.const 16) (i32.const 1) (i64.const -1)))))
  (func (export "wizex.initialize")
    (i32.store (i32.const 100) (call $random_get (i32.const 64) (i32.const 16))))
  (func (export "random") (result i64) (i64.load (i32.const 64))))

;; The once-flag protocol of shared_memory.wat, but init overwrites the flag: after init it does
;; not read "initialized", so the module's own protocol cannot be trusted and wisex refuses.
(module
  (import "env" "memory" (memory 1 16 shared))
  (data $d0 "hello")
  (start $__wasm_init_memory)
  (func $__wasm_init_memory
    (block $drop
      (block $wait
        (block $init
          (br_table $init $wait $drop
            (i32.atomic.rmw.cmpxchg (i32.const 1024) (i32.const 0) (i32.const 1))))
        (memory.init $d0 (i32.const 2048) (i32.const 0) (i32.const 5))
        (i32.atomic.store (i32.const 1024) (i32.const 2))
        (drop (memory.atomic.notify (i32.const 1024) (i32.const -1)))
        (br $drop))
      (drop (memory.atomic.wait32 (i32.const 1024) (i32.const 1) (i64.const -1))))
    (data.drop $d0))
  (func (export "wizex.initialize") (i32.store (i32.const 1024) (i32.const 7))))

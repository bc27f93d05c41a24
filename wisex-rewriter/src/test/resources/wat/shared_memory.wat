;; The shape wasm-ld gives a module linked with --import-memory --shared-memory (wasix-libc):
;; passive data applied by a start function `__wasm_init_memory` under an atomic once-flag at a
;; linker-reserved address (1024 here), `__stack_pointer` and `__tls_base` globals, `_initialize`.
(module
  (import "env" "memory" (memory 1 16 shared))
  (global $__stack_pointer (mut i32) (i32.const 65536))
  (global $__tls_base (mut i32) (i32.const 0))
  (data $d0 "hello")
  (data $d1 "\2a\00\00\00")
  (start $__wasm_init_memory)
  (func $__wasm_init_memory
    (block $drop
      (block $wait
        (block $init
          (br_table $init $wait $drop
            (i32.atomic.rmw.cmpxchg (i32.const 1024) (i32.const 0) (i32.const 1))))
        (memory.init $d0 (i32.const 2048) (i32.const 0) (i32.const 5))
        (memory.init $d1 (i32.const 2056) (i32.const 0) (i32.const 4))
        (i32.atomic.store (i32.const 1024) (i32.const 2))
        (drop (memory.atomic.notify (i32.const 1024) (i32.const -1)))
        (br $drop))
      (drop (memory.atomic.wait32 (i32.const 1024) (i32.const 1) (i64.const -1))))
    (data.drop $d0)
    (data.drop $d1))
  ;; like wasix-libc's, it must run exactly once: a second call traps
  (func (export "_initialize")
    (if (i32.load (i32.const 3000)) (then unreachable))
    (i32.store (i32.const 3000) (i32.const 1)))
  (func (export "wizex.initialize")
    (global.set $__stack_pointer (i32.const 60000))
    (global.set $__tls_base (i32.const 4096))
    (i32.store (i32.const 4096) (i32.const 0x11223344))
    (i32.store (i32.const 2056) (i32.add (i32.load (i32.const 2056)) (i32.const 1))))
  (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "store") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
  (func (export "counter") (result i32) (i32.load (i32.const 2056)))
  (func (export "sp") (result i32) (global.get $__stack_pointer))
  (func (export "tls") (result i32) (global.get $__tls_base)))

;; Init calls the embedder's host functions (Preinitializer.withHostFunctions): `answer` returns a
;; value init keeps in a global and in memory, `greet` writes bytes into memory through GuestMemory.
;; `later` is only called after init, so it needs no host function during pre-initialization.
(module
  (import "env" "answer" (func $answer (result i32)))
  (import "env" "greet" (func $greet (param i32 i32)))
  (import "env" "later" (func $later (result i32)))
  (memory (export "memory") 1)
  (global $answer (mut i32) (i32.const 0))
  (func (export "wizex.initialize")
    (global.set $answer (call $answer))
    (i32.store (i32.const 16) (global.get $answer))
    (call $greet (i32.const 32) (i32.const 5)))
  (func (export "answer") (result i32) (global.get $answer))
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0))))

;; An imported shared memory with active data and no init-once start function: no flag location
;; can be proven unused, so wisex refuses it.
(module
  (import "env" "memory" (memory 1 1 shared))
  (data (i32.const 16) "hi")
  (func (export "wizex.initialize") (i32.store (i32.const 32) (i32.const 1))))

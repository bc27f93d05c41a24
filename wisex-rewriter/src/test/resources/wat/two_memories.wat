;; Two memories (multi-memory), each written by init.
(module
  (memory $a (export "a") 1)
  (memory $b (export "b") 2)
  (func (export "wizex.initialize")
    (i32.store $a (i32.const 16) (i32.const 0x11111111))
    (i32.store $b (i32.const 70000) (i32.const 0x22222222)))
  (func (export "read_b") (param i32) (result i32) (i32.load $b (local.get 0))))

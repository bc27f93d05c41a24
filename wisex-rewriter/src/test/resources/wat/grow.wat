;; Init grows memory and writes into the new pages; the output's minimum must cover them, the maximum stays.
(module
  (memory (export "memory") 1 10)
  (global $old (mut i32) (i32.const -1))
  (func (export "wizex.initialize")
    (global.set $old (memory.grow (i32.const 3)))
    (i32.store (i32.const 262140) (i32.const 0xdeadbeef)))
  (func (export "size") (result i32) (memory.size))
  (func (export "grow") (result i32) (memory.grow (i32.const 1)))
  (func (export "grow_too_much") (result i32) (memory.grow (i32.const 7))))

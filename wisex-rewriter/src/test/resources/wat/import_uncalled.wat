;; An import that init never calls is fine and stays imported.
(module
  (import "env" "later" (func $later (result i32)))
  (global $g (mut i32) (i32.const 0))
  (func (export "wizex.initialize") (global.set $g (i32.const 7)))
  (func (export "g") (result i32) (global.get $g)))

;; The integration-test projects' module: init counts once, stores the count at 64 and leaves a
;; string in memory; `count` and `load` read the state back.
(module
  (memory (export "memory") 1)
  (global $count (mut i32) (i32.const 0))
  (func (export "wizex.initialize")
    (global.set $count (i32.add (global.get $count) (i32.const 41)))
    (i32.store (i32.const 64) (global.get $count))
    (i32.store (i32.const 128) (i32.const 0x73697877)))
  (func (export "init") (global.set $count (i32.const 7)))
  (func (export "count") (result i32) (global.get $count))
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0))))

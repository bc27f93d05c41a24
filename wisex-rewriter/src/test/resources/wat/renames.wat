;; An export of every kind, for -r renames: Wizer renames a memory, a global and a table as it renames a
;; function (scripts/wizer-goldens.sh: -r mem=memory -r val=g -r tab=t -r go=run -r run=keep).
(module
  (memory (export "memory") 1)
  (global $g (export "g") (mut i32) (i32.const 0))
  (table (export "t") 1 funcref)
  (func $keep (export "keep") (result i32) (i32.const 7))
  (func $run (export "run") (result i32) (i32.load (i32.const 64)))
  (func (export "wizex.initialize")
    (i32.store (i32.const 64) (i32.const 42))
    (global.set $g (i32.const 5))))

;; Init calls an import that has no host: init must fail naming it.
(module
  (import "env" "log" (func $log (param i32)))
  (import "env" "unused" (func $unused))
  (func (export "wizex.initialize") (call $log (i32.const 1))))

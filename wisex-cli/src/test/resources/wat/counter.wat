;; Sample for the CLI's end-to-end tests: init leaves state in memory and in a mutable global, so a
;; pre-initialized output is observably different from the input.
(module
  (memory (export "memory") 1)
  (global $counter (mut i32) (i32.const 0))

  ;; Writes "wisex" at address 16 and sets the counter to 42.
  (func (export "wizex.initialize")
    (i32.store (i32.const 16) (i32.const 0x65736977)) ;; "wise", little-endian
    (i32.store8 (i32.const 20) (i32.const 0x78))      ;; "x"
    (global.set $counter (i32.const 42)))

  (func (export "get") (result i32)
    (global.get $counter)))

;; Issue 18: init grows to 32,768 pages (2 GiB); the spec returns the old size, 1.
(module
  (memory (export "memory") 1)
  (global $g (export "g") (mut i32) (i32.const 0))
  (func (export "wizex.initialize")
    (global.set $g (memory.grow (i32.const 32767)))
    (i32.store8 (i32.const 100) (i32.const 0x5a))))

;; Issue 18: memory.fill, memory.copy and memory.init at addresses past 2 GiB during init, which
;; GraalWasm 25 reads sign-extended. The bytes the spec leaves (worked out by hand): 'L' at 40,
;; 16 x 0x5a at 0x80000010, 8 of them copied to 0x80000100, "HIGH" at 0x80000200 and the 'L'
;; copied to 0x80000300; g = 1 (the size before the grow).
(module
  (memory (export "memory") 1)
  (data $d "HIGH")
  (global $g (export "g") (mut i32) (i32.const 0))
  (func (export "wizex.initialize")
    (global.set $g (memory.grow (i32.const 32768)))
    (i32.store8 (i32.const 40) (i32.const 0x4c))
    (memory.fill (i32.const 0x80000010) (i32.const 0x5a) (i32.const 16))
    (memory.copy (i32.const 0x80000100) (i32.const 0x80000010) (i32.const 8))
    (memory.init $d (i32.const 0x80000200) (i32.const 0) (i32.const 4))
    (memory.copy (i32.const 0x80000300) (i32.const 40) (i32.const 1))))

;; A memory that starts past 2 GiB with active data segments there, which GraalWasm 25.0.2 wrote at a
;; negative address (it sign-extends an i32 segment offset) and so refused to instantiate: the
;; segments apply in order (the later "Y" over the earlier "y"), then the start function runs and
;; sees them, then init. Expected: $s = 'Y' (89), $g = 89 + 'z' (122) = 211, and the bytes "lo" at
;; 40, "xYz" at 0x80000000, "!" at 0x80000010.
(module
  (memory (export "memory") 32769)
  (global $s (mut i32) (i32.const 0))
  (global $g (mut i32) (i32.const 0))
  (data (i32.const 40) "lo")
  (data (i32.const 0x80000000) "xyz")
  (data (i32.const 0x80000001) "Y")
  (func $start (global.set $s (i32.load8_u (i32.const 0x80000001))))
  (start $start)
  (func (export "wizex.initialize")
    (global.set $g (i32.add (global.get $s) (i32.load8_u (i32.const 0x80000002))))
    (i32.store8 (i32.const 0x80000010) (i32.const 0x21))))

;; Init counts a local down from 20 million (a few milliseconds compiled, seconds interpreted), then
;; grows memory to 32,768 pages (2 GiB), more than Chicory holds: in a race, Chicory begins init
;; first and then fails for its engine's reason, and GraalWasm, stopped meanwhile, must run again.
(module
  (memory (export "memory") 1)
  (global $g (export "g") (mut i32) (i32.const 0))
  (func (export "wizex.initialize") (local $i i32)
    (local.set $i (i32.const 20000000))
    (loop $again
      (br_if $again (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
    (global.set $g (memory.grow (i32.const 32767)))
    (i32.store8 (i32.const 100) (i32.const 0x5a))))

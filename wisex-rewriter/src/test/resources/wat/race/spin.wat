;; Init counts a local down from 100 million, then sets $done: a fraction of a second compiled,
;; far longer interpreted.
(module
  (global $done (export "done") (mut i32) (i32.const 0))
  (func (export "wizex.initialize") (local $i i32)
    (local.set $i (i32.const 100000000))
    (loop $again
      (br_if $again (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
    (global.set $done (i32.const 1))))

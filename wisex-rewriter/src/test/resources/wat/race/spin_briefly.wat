;; Init counts a local down from 200,000, then sets $done: 200,001 steps (--fuel's unit), more than
;; the trial's step budget for the padded module (0.15 per byte of ~320 KB of code), and a few
;; milliseconds on either backend.
(module
  (global $done (export "done") (mut i32) (i32.const 0))
  (func (export "wizex.initialize") (local $i i32)
    (local.set $i (i32.const 200000))
    (loop $again
      (br_if $again (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
    (global.set $done (i32.const 1))))

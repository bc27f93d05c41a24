;; Init fills its 64 MiB memory 200 times over (12.5 GiB written: about a second on any engine) in
;; 201 steps (--fuel's unit: one function entry, one step per fill), far fewer than the trial
;; allows, so only the trial's processor-time budget can end it there. The last fill writes zeros,
;; so the snapshot is small.
(module
  (memory (export "memory") 1024)
  (global $done (export "done") (mut i32) (i32.const 0))
  (func (export "wizex.initialize") (local $i i32)
    (local.set $i (i32.const 200))
    (loop $again
      (memory.fill (i32.const 0) (i32.sub (local.get $i) (i32.const 1)) (i32.const 67108864))
      (br_if $again (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
    (global.set $done (i32.const 1))))

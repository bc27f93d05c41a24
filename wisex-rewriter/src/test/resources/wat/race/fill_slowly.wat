;; Init fills its 64 MiB memory 2,000 times over (128 GiB written: many seconds on any engine) in
;; 2,001 steps (--fuel's unit: one function entry, one step per fill), far fewer than the trial
;; allows, so only the trial's processor time or --timeout can end it first.
(module
  (memory (export "memory") 1024)
  (func (export "wizex.initialize") (local $i i32)
    (local.set $i (i32.const 2000))
    (loop $again
      (memory.fill (i32.const 0) (local.get $i) (i32.const 67108864))
      (br_if $again (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))))

;; Init never returns: a loop with no exit.
(module
  (memory 1)
  (global $spins (mut i32) (i32.const 0))
  (func (export "wizex.initialize")
    (loop $again
      (global.set $spins (i32.add (global.get $spins) (i32.const 1)))
      (br $again))))

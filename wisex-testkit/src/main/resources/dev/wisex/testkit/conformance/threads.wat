(module
  (memory (export "memory") 1 1 shared)
  (func (export "rmw") (result i32)
    (drop (i32.atomic.rmw.add (i32.const 8) (i32.const 5)))
    (drop (i32.atomic.rmw.add (i32.const 8) (i32.const 7)))
    (drop (i32.atomic.rmw.cmpxchg (i32.const 8) (i32.const 12) (i32.const 40)))
    atomic.fence
    (i32.atomic.load (i32.const 8)))
  ;; Nobody waits, so waking wakes no one.
  (func (export "notify") (result i32)
    (memory.atomic.notify (i32.const 8) (i32.const 1)))
)

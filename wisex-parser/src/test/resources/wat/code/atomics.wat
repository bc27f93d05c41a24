;; Threads: wait/notify, the fence with its reserved byte, atomic loads, stores and read-modify-writes.
;; 36 instructions.
(module
  (memory 1 1 shared)
  (func (param i32) (result i32)
    local.get 0
    i32.const 1
    memory.atomic.notify
    drop
    local.get 0
    i32.const 0
    i64.const -1
    memory.atomic.wait32
    drop
    local.get 0
    i64.const 0
    i64.const 100
    memory.atomic.wait64
    drop
    atomic.fence
    local.get 0
    i64.atomic.load offset=8
    drop
    local.get 0
    i32.const 7
    i32.atomic.store8
    local.get 0
    i64.const 7
    i64.atomic.rmw32.xchg_u
    drop
    local.get 0
    i32.const 1
    i32.const 2
    i32.atomic.rmw.cmpxchg
    local.get 0
    i64.const 1
    i64.const 2
    i64.atomic.rmw.cmpxchg
    i32.wrap_i64
    i32.add)
)

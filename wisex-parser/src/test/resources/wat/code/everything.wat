;; One module touching every feature family at once, spread over functions so the flags must be
;; combined across bodies.
(module
  (type $t (func (param i32) (result i32)))
  (import "env" "f" (func $imported (param i32)))
  (tag $e)
  (memory $shared 1 1 shared)
  (memory $plain 1)
  (table $funcs 2 funcref)
  (data $passive "payload")
  (func $simd (result i32)
    v128.const i64x2 1 2
    i64x2.extract_lane 1
    i32.wrap_i64)
  (func $atomics (result i32)
    i32.const 0
    i32.atomic.load
    i32.const 0
    i32.load $plain
    i32.add)
  (func $bulk
    i32.const 0
    i32.const 0
    i32.const 7
    memory.init $passive
    data.drop $passive)
  (func $tables
    i32.const 1
    ref.null func
    table.set $funcs)
  (func $throws
    try
      throw $e
    catch_all
    end)
  (func $tail (type $t)
    local.get 0
    return_call $tail)
)

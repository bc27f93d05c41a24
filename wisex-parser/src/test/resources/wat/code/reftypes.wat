;; Reference-type instructions that read but never change a table. 17 instructions.
(module
  (table $t 2 funcref)
  (table $u 2 externref)
  (func $f (param externref) (result i32)
    ref.null func
    ref.is_null
    drop
    ref.func $f
    drop
    i32.const 0
    table.get $t
    drop
    table.size $u
    drop
    local.get 0
    local.get 0
    i32.const 1
    select (result externref)
    drop
    i32.const 0)
  (elem declare func $f)
)

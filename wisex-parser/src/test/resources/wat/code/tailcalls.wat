;; Tail calls, direct and through a table. 3 + 4 = 7 instructions.
(module
  (type $t (func (param i32) (result i32)))
  (table 2 funcref)
  (func $f (type $t)
    local.get 0
    return_call $f)
  (func (type $t)
    local.get 0
    i32.const 0
    return_call_indirect (type $t))
)

(module
  (memory (export "memory") i64 1)
  (func (export "load") (param i64) (result i32)
    local.get 0 i32.load8_u)
)

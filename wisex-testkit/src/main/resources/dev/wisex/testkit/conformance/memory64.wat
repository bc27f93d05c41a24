(module
  (memory (export "memory") i64 1 4)
  (data (i64.const 65535) "\07")
  (func (export "load") (param i64) (result i32)
    local.get 0 i32.load8_u)
  (func (export "grow") (param i64) (result i64)
    local.get 0 memory.grow)
)

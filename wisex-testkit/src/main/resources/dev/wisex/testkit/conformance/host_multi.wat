(module
  (import "env" "triple" (func $triple (param f64 i64) (result i32 i64 f64)))
  (func (export "run") (param f64 i64) (result i32 i64 f64)
    (call $triple (local.get 0) (local.get 1)))
)

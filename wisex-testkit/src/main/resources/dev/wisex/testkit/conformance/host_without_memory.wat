(module
  (import "env" "probe" (func $probe (param i64) (result i64)))
  (import "env" "echo32" (func $echo32 (param i32 f32) (result i32)))
  (func (export "run") (param i64) (result i64)
    (call $probe (local.get 0)))
  (func (export "echo") (result i32)
    (call $echo32 (i32.const -1) (f32.const -0x0p+0)))
)

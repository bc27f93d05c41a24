(module
  (global (mut v128) (v128.const i64x2 1 2))
  (func (export "f") (result v128) (global.get 0)))

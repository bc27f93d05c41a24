(module
  (global (export "v") v128 (v128.const i64x2 1 2))
)

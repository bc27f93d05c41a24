(module
  ;; No v128 in any signature, local or global: only the instructions give SIMD away.
  (func (export "lane") (result i32)
    (i32x4.extract_lane 2 (v128.const i32x4 1 2 3 4)))
)

(module
  (global $v (export "v") (mut v128) (v128.const i64x2 0 0))
  ;; Lanes with a quiet NaN with payload, -0.0, zero and all ones: no lane may be canonicalized.
  (func (export "set")
    (global.set $v (v128.const i32x4 0x7fc00001 0x80000000 0 -1)))
  (func (export "lane") (param i32) (result i32)
    (i32x4.extract_lane 0 (global.get $v)))
  (func (export "get") (result v128) (global.get $v))
)

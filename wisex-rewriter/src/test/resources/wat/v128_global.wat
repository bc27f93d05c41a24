;; A v128 global: needs a SIMD-capable backend.
(module
  (global $v (mut v128) (v128.const i32x4 1 2 3 4))
  (func (export "wizex.initialize")
    (global.set $v (v128.const i32x4 0x7fc00001 0x80000000 0 -1)))
  (func (export "lane0") (result i32) (i32x4.extract_lane 0 (global.get $v))))

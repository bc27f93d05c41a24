(module
  ;; In-range swizzle indices and an all-ones mask have one result on every engine and CPU.
  (func (export "lane") (result i32)
    (i8x16.extract_lane_u 0
      (i8x16.relaxed_laneselect
        (i8x16.relaxed_swizzle (v128.const i8x16 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25)
                               (v128.const i8x16 5 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0))
        (v128.const i8x16 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0)
        (v128.const i8x16 -1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0))))
)

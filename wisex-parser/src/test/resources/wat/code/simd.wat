;; SIMD immediates of every shape: memarg, memarg + lane, lane, 16-byte constant and shuffle, relaxed
;; SIMD's two-byte LEB subopcodes, and a block type given as a type index. 30 + 6 + 1 = 37 instructions.
(module
  (memory 1)
  (func (param v128)
    local.get 0
    local.get 0
    i8x16.relaxed_swizzle
    local.get 0
    local.get 0
    i32x4.relaxed_dot_i8x16_i7x16_add_s
    i32.const 0
    local.get 0
    v128.load8_lane offset=3 15
    drop
    i32.const 0
    local.get 0
    v128.store64_lane 1
    v128.const i32x4 1 2 3 4
    i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31
    i32x4.extract_lane 3
    drop
    i32.const 16
    v128.load offset=1024
    f32.const 2.5
    f32x4.replace_lane 2
    drop
    i32.const 7
    i8x16.splat
    drop
    i32.const 0
    i32.const 0
    v128.load32_zero
    v128.store)
  (func (param i32) (result i32)
    local.get 0
    block (param i32) (result i32)
      i32.const 1
      i32.add
    end)
  ;; A v128 local alone means the backend must represent v128 values.
  (func (local v128))
)

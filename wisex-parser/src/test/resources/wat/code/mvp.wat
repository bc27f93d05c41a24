;; WebAssembly 1.0 control flow, memory and numeric instructions (plus the 2.0 saturating conversions
;; and sign extension, which need no feature flag). Every CodeFeatures flag must stay false.
;; Instruction counts, `end`s included, are noted per function: 1 + 4 + 4 + 38 + 28 + 25 = 100.
(module
  (type $binop (func (param i32 i32) (result i32)))
  (import "env" "log" (func $log (param i32)))
  (memory 1)
  (table 2 funcref)
  (global $g (mut i32) (i32.const 0))
  (global $h (mut i64) (i64.const 0))
  (elem (i32.const 0) $add $sub)
  (data (i32.const 16) "hello")

  ;; 1
  (func $empty)

  ;; 4
  (func $add (type $binop)
    local.get 0
    local.get 1
    i32.add)

  ;; 4
  (func $sub (type $binop)
    local.get 0
    local.get 1
    i32.sub)

  ;; 38
  (func $control (param $x i32) (result i32) (local $i i32)
    block $out
      loop $again
        local.get $i
        i32.const 1
        i32.add
        local.tee $i
        local.get $x
        i32.lt_u
        br_if $again
      end
      block $a
        block $b
          block $c
            local.get $x
            br_table $a $b $c $out
          end
          i32.const 3
          return
        end
        i32.const 2
        return
      end
      local.get $x
      if (result i32)
        i32.const 1
      else
        i32.const 0
      end
      return
    end
    i32.const 7
    i32.const 8
    local.get $x
    select
    i32.const 1
    i32.const 0
    call_indirect (type $binop))

  ;; 28
  (func $memory (param $p i32) (result i64)
    local.get $p
    i32.const 0x12345678
    i32.store offset=4
    local.get $p
    i64.const -1
    i64.store8 offset=1
    local.get $p
    f32.const 1.5
    f32.store align=1
    local.get $p
    f64.const -0x1p-1022
    f64.store
    local.get $p
    i32.load16_s
    global.set $g
    i32.const 1
    memory.grow
    memory.size
    i32.add
    drop
    local.get $p
    i64.load32_u offset=65536
    i64.const 0x7fffffffffffffff
    i64.mul
    global.get $h
    i64.add
    i64.extend32_s)

  ;; 25
  (func $numeric (param f32 f64) (result i32)
    local.get 0
    f64.promote_f32
    local.get 1
    f64.copysign
    i64.trunc_f64_s
    f32.convert_i64_u
    i32.reinterpret_f32
    i32.popcnt
    i32.extend8_s
    i32.eqz
    local.get 0
    i32.trunc_sat_f32_s
    i32.rotl
    local.get 1
    f64.sqrt
    f64.floor
    i64.trunc_sat_f64_u
    i32.wrap_i64
    i32.xor
    nop
    i32.const 42
    call $log
    i32.const -2147483648
    i32.div_s)
)

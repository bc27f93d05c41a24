;; A bytecode interpreter in one function, the shape FunctionSplitter exists for (SQLite's
;; sqlite3VdbeExec, QuickJS's JS_CallInternal): a loop around a switch whose cases share locals,
;; return with a value, branch to the function's label, leave through a block with a result, and
;; fall through into the next case. `run` interprets the program at memory offset 0 (one opcode
;; byte and one operand byte per instruction) and leaves its trace in memory from offset 1024.
(module
  (type $pair (func (param i64 i64) (result i64)))
  (memory (export "memory") 1)
  (global $steps (export "steps") (mut i32) (i32.const 0))
  (data (i32.const 0) "\01\05\02\03\03\07\04\02\05\00\06\04\01\09\07\00\02\02\08\01\03\01\09\00\0a\00")
  (func $mix (param $a i64) (param $b i64) (result i64)
    (i64.add (i64.mul (local.get $a) (i64.const 31)) (local.get $b)))
  (func $run (export "run") (param $start i32) (result i64)
    (local $pc i32) (local $op i32) (local $arg i32) (local $acc i64) (local $tmp i64)
    (local $n i32) (local $out i32) (local $unused f64)
    (local.set $pc (local.get $start))
    (local.set $out (i32.const 1024))
    block $done
    loop $next
      ;; fetch
      (local.set $op (i32.load8_u (local.get $pc)))
      (local.set $arg (i32.load8_u offset=1 (local.get $pc)))
      (local.set $pc (i32.add (local.get $pc) (i32.const 2)))
      (global.set $steps (i32.add (global.get $steps) (i32.const 1)))
      (br_if $done (i32.gt_u (global.get $steps) (i32.const 200)))
      block $case10
      block $case9
      block $case8
      block $case7
      block $case6
      block $case5
      block $case4
      block $case3
      block $case2
      block $case1
      block $case0
        (br_table $case0 $case1 $case2 $case3 $case4 $case5 $case6 $case7 $case8 $case9 $case10
          (i32.rem_u (local.get $op) (i32.const 11)))
      end ;; 0: halt, returning the accumulator
      (return (i64.add (local.get $acc) (i64.const 1000)))
      end ;; 1: acc += arg, falls through into 2
      (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (local.get $arg))))
      end ;; 2: acc *= arg + 1
      (local.set $acc (i64.mul (local.get $acc) (i64.extend_i32_u (i32.add (local.get $arg) (i32.const 1)))))
      (br $next)
      end ;; 3: a loop of arg rounds, with a temporary local
      (local.set $n (local.get $arg))
      (local.set $tmp (i64.const 7))
      block $rounds_done
        loop $round
          (br_if $rounds_done (i32.eqz (local.get $n)))
          ;; a split that lost $n must still end: the global is out of its reach
          (global.set $steps (i32.add (global.get $steps) (i32.const 1)))
          (br_if $rounds_done (i32.gt_u (global.get $steps) (i32.const 1000)))
          (local.set $tmp (call $mix (local.get $tmp) (local.get $acc)))
          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
          (br $round)
        end
      end
      (local.set $acc (i64.xor (local.get $acc) (local.get $tmp)))
      (br $next)
      end ;; 4: store the trace, then skip the next instruction when acc is odd
      (i64.store (local.get $out) (local.get $acc))
      (local.set $out (i32.add (local.get $out) (i32.const 8)))
      (if (i32.wrap_i64 (i64.and (local.get $acc) (i64.const 1)))
        (then (local.set $pc (i32.add (local.get $pc) (i32.const 2))))
        (else (local.set $acc (i64.add (local.get $acc) (i64.const 3)))))
      (br $next)
      end ;; 5: a branch to the function's label carries the result
      (if (i64.gt_u (local.get $acc) (i64.const 100000000))
        (then (br 8 (local.get $acc))))
      (local.set $acc (i64.sub (local.get $acc) (i64.const 1)))
      (br $next)
      end ;; 6: a block with a result: its label carries a value, so a region holding
          ;; the br_if must stay in place
      (local.set $acc
        (block $pick (result i64)
          (drop (br_if $pick (i64.const 42) (i32.eq (local.get $arg) (i32.const 4))))
          (i64.add (local.get $acc) (i64.const 5))))
      (br $next)
      end ;; 7: a block with parameters (multi-value)
      (local.get $acc)
      (i64.const 9)
      block (type $pair) (param i64 i64) (result i64)
        i64.add
      end
      (local.set $acc)
      (br $next)
      end ;; 8: code after an unconditional branch is unreachable
      (local.set $acc (i64.rotl (local.get $acc) (i64.const 3)))
      (br $next)
      (local.set $acc (i64.const 0))
      (drop (i64.const 1))
      end ;; 9: leave the loop through $done
      (br_if $done (i32.eqz (local.get $arg)))
      (br $next)
      end ;; 10: jump
      (local.set $pc (i32.shl (local.get $arg) (i32.const 1)))
      (br $next)
    end
    end
    (i64.add (local.get $acc) (i64.extend_i32_u (global.get $steps))))
  (func (export "wizex.initialize")
    (i64.store (i32.const 2048) (call $run (i32.const 0)))))

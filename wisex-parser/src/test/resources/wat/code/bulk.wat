;; Bulk memory and table operations naming passive segments. Data segments 0, 1 and 3 are named;
;; 0 and 3 are dropped; segment 2 is active and never named. 1 + 28 = 29 instructions.
(module
  (memory 1)
  (table 4 funcref)
  (func $f)
  (elem $e0 func $f)
  (elem $e1 func $f $f)
  (data $d0 "a")
  (data $d1 "bb")
  (data $d2 (i32.const 0) "active")
  (data $d3 "ccc")
  (func
    i32.const 0
    i32.const 0
    i32.const 1
    memory.init $d1
    i32.const 0
    i32.const 0
    i32.const 3
    memory.init $d3
    data.drop $d3
    data.drop $d0
    i32.const 0
    i32.const 1
    i32.const 1
    memory.copy
    i32.const 0
    i32.const 0
    i32.const 1
    memory.fill
    i32.const 0
    i32.const 0
    i32.const 1
    table.init $e1
    elem.drop $e0
    i32.const 0
    i32.const 1
    i32.const 1
    table.copy)
)

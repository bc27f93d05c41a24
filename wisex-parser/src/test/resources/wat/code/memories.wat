;; multi-memory memargs (alignment flag bit 6 plus a memory index) and memory64 offsets above 2^32.
;; 17 instructions; the highest memory index named is 2.
(module
  (memory $a 1)
  (memory $b i64 1)
  (memory $c 1)
  (func (result i64)
    i32.const 0
    i32.load $c offset=8
    drop
    i64.const 0
    i64.load $b offset=0x100000000
    drop
    i64.const 0
    i64.const 5
    i64.store $b offset=0xffffffffffff
    i32.const 0
    i32.const 1
    i32.store8 $a
    memory.size $c
    drop
    i64.const 1
    memory.grow $b)
)

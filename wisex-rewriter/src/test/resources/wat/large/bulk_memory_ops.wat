;; Every bulk memory instruction the high-address pass replaces, on memories it must treat as able
;; to pass its threshold ($a, $b: no maximum) and one it must leave alone ($s: at most one page).
;; HighAddressBulkMemoryTest calls them with operands around the threshold and the memories' ends.
(module
  (memory $a (export "a") 2)
  (memory $b (export "b") 2)
  (memory $s (export "s") 1 1)
  (data $p "\00\01\02\03\04\05\06\07\08\09\0a\0b\0c\0d\0e\0f\10\11\12\13\14\15\16\17\18\19\1a\1b\1c\1d\1e\1f"
           "the quick brown fox jumps over the lazy dog 0123456789 THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG"
           "\f0\f1\f2\f3\f4\f5\f6\f7\f8\f9\fa\fb\fc\fd\fe\ff")
  (data $q "0123456789abcdef")
  (func (export "fill_a") (param i32 i32 i32) (memory.fill $a (local.get 0) (local.get 1) (local.get 2)))
  (func (export "fill_b") (param i32 i32 i32) (memory.fill $b (local.get 0) (local.get 1) (local.get 2)))
  (func (export "fill_s") (param i32 i32 i32) (memory.fill $s (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy_aa") (param i32 i32 i32) (memory.copy $a $a (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy_bb") (param i32 i32 i32) (memory.copy $b $b (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy_ab") (param i32 i32 i32) (memory.copy $a $b (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy_sa") (param i32 i32 i32) (memory.copy $s $a (local.get 0) (local.get 1) (local.get 2)))
  (func (export "init_a_p") (param i32 i32 i32) (memory.init $a $p (local.get 0) (local.get 1) (local.get 2)))
  (func (export "init_b_q") (param i32 i32 i32) (memory.init $b $q (local.get 0) (local.get 1) (local.get 2)))
  (func (export "init_s_p") (param i32 i32 i32) (memory.init $s $p (local.get 0) (local.get 1) (local.get 2)))
  (func (export "drop_p") (data.drop $p))
  (func (export "drop_q") (data.drop $q)))

;; memory.copy between memories of both widths: $w and $v are 64-bit (off-heap on GraalWasm), $s a
;; 64-bit one it keeps in a byte array (maximum 2 pages: GraalWasm decides by the maximum alone), $n is a
;; 32-bit one GraalWasm keeps in a byte array (maximum 2 pages), $o a 32-bit one it keeps off-heap (no
;; maximum). HighAddressBulkMemoryTest calls them with operands around the memories' ends and past
;; 2^32 and 2^64.
(module
  (memory $w (export "w") i64 2)
  (memory $v (export "v") i64 2)
  (memory $n (export "n") 2 2)
  (memory $o (export "o") 2)
  (memory $s (export "s") i64 2 2)
  (func (export "copy_wn") (param i64 i32 i32) (memory.copy $w $n (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy_nw") (param i32 i64 i32) (memory.copy $n $w (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy_wo") (param i64 i32 i32) (memory.copy $w $o (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy_ow") (param i32 i64 i32) (memory.copy $o $w (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy_wv") (param i64 i64 i64) (memory.copy $w $v (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy_vw") (param i64 i64 i64) (memory.copy $v $w (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy_sw") (param i64 i64 i64) (memory.copy $s $w (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy_ws") (param i64 i64 i64) (memory.copy $w $s (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy_sn") (param i64 i32 i32) (memory.copy $s $n (local.get 0) (local.get 1) (local.get 2)))
  (func (export "fill_w") (param i64 i32 i64) (memory.fill $w (local.get 0) (local.get 1) (local.get 2)))
  (func (export "fill_n") (param i32 i32 i32) (memory.fill $n (local.get 0) (local.get 1) (local.get 2))))

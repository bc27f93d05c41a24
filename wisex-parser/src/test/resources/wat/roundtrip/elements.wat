;; Element segments in every encoding the text format produces.
(module
  (table $t 4 funcref)
  (table $u 2 externref)
  (func $a) (func $b)
  (elem (i32.const 0) $a $b)
  (elem $p func $a)
  (elem declare func $b)
  (elem (table $t) (i32.const 2) funcref (ref.func $a) (ref.null func))
  (elem $q externref (ref.null extern)))

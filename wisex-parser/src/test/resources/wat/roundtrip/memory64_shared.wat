(module
  (memory $a i64 1 100)
  (memory $b 1 2 shared)
  (data (memory $a) (i64.const 65536) "high")
  (func (export "f") (result i64) (i64.load $a (i64.const 0))))

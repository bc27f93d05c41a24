(module
  (import "env" "t" (table 1 funcref))
  (func (export "wizex.initialize")))

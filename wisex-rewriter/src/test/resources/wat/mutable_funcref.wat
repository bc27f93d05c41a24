(module
  (global $r (mut funcref) (ref.null func))
  (func (export "wizex.initialize")))

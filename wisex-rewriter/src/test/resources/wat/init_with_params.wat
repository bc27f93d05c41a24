(module
  (func (export "wizex.initialize") (param i32)))

(module
  (func (export "wizex.initialize") unreachable))

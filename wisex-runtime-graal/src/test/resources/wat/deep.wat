(module
  ;; Recursion `n` frames deep, then back up counting.
  (func $depth (export "depth") (param i32) (result i32)
    local.get 0
    i32.eqz
    if (result i32)
      i32.const 0
    else
      local.get 0 i32.const 1 i32.sub call $depth i32.const 1 i32.add
    end)
)

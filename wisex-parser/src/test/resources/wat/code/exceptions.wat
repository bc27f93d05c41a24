;; Legacy exception handling: try / catch / catch_all / throw, a nested try closed by delegate, and
;; rethrow. 8 + 9 = 17 instructions. (try_table and throw_ref are tested from hand-built bytes: the
;; bundled wat2wasm predates them.)
(module
  (tag $e (param i32))
  (func (result i32)
    try (result i32)
      i32.const 1
      throw $e
    catch $e
    catch_all
      i32.const 2
    end)
  (func
    try
      try
        nop
      delegate 0
    catch $e
      drop
      rethrow 0
    end)
)

;; Code that can change a table: refused like Wizer, since tables are not snapshotted.
(module
  (table 2 funcref)
  (func (export "wizex.initialize") (table.set (i32.const 0) (ref.null func))))

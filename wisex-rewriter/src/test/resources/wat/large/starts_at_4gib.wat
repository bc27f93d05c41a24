;; Issue 18: a memory that starts at the 32-bit maximum, 65,536 pages (4 GiB).
(module
  (memory (export "memory") 65536)
  (func (export "wizex.initialize")))

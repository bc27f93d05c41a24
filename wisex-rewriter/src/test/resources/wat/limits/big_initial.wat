;; A memory that starts at 16 pages (1 MiB).
(module
  (memory 16)
  (func (export "wizex.initialize")))

;; wasix_64v1 on a memory64: init writes "hello 64\n" to stdout through one 16-byte iovec.
(module
  (import "wasix_64v1" "fd_write" (func $fd_write (param i32 i64 i64 i64) (result i32)))
  (memory (export "memory") i64 1)
  (data (i64.const 2048) "hello 64\n")
  (func (export "wizex.initialize")
    (i64.store (i64.const 16) (i64.const 2048))
    (i64.store (i64.const 24) (i64.const 9))
    (if (call $fd_write (i32.const 1) (i64.const 16) (i64.const 1) (i64.const 32))
      (then unreachable))))

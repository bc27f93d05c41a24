;; HostAppliedSegmentsTest: a host-applied segment that passes the memory's end (instantiation would trap).
(module
  (memory 1)
  (data (i32.const 0xFFF0) "0123456789abcdef0123"))

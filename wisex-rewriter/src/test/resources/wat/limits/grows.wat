;; Init grows memory 0 (no maximum) by a caller-chosen amount and keeps the result; memory 1 has a
;; maximum of 3 pages, so growing it by 5 fails with -1 whatever the cap.
(module
  (memory $big 1)
  (memory $small 1 3)
  (global $grown (mut i32) (i32.const 0))
  (global $refused (mut i32) (i32.const 0))
  (func (export "wizex.initialize")
    (global.set $grown (memory.grow $big (i32.const 9)))
    (i32.store $big (i32.const 589820) (i32.const 0x5eed))
    (global.set $refused (memory.grow $small (i32.const 5))))
  (func (export "grown") (result i32) (global.get $grown))
  (func (export "refused") (result i32) (global.get $refused))
  (func (export "size") (result i32) (memory.size $big))
  (func (export "grow") (param i32) (result i32) (memory.grow $big (local.get 0))))

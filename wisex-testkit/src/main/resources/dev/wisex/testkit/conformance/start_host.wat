(module
  (import "env" "fail" (func $fail))
  (start $fail)
)

(module
  (import "env" "t" (table 1 funcref)))

;; Init calls an import the sandbox refuses; the test substitutes NAMESPACE, NAME, PARAMS and RESULTS.
(module
  (import "NAMESPACE" "NAME" (func $f PARAMS RESULTS))
  (memory (export "memory") 1)
  (func (export "wizex.initialize") CALL))

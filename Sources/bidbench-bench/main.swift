// The benchmark harness (filled in by the performance work).
print("bidbench-bench: not built yet")

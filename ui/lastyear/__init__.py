"""The 往年对比 tab: a report beside last year's, its pairing, the library and the reviewer's ticks."""

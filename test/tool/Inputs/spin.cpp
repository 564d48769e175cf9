// Constant evaluation that runs for hours with -fconstexpr-steps raised:
// workers.test gives it a small --timeout.
constexpr long spin() {
  long Sum = 0;
  for (long I = 0; I < (1L << 40); ++I)
    Sum += I;
  return Sum;
}
static_assert(spin() != 1);

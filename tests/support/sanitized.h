// Random-text comparisons (a token rule against its regex, NUMX against ICU) run a quarter of
// their rounds in the sanitizer build, where the matchers are some 25 times slower (unit_metrics
// took 9 minutes there): that run looks for memory errors; the build without sanitizers runs
// every round.
#pragma once

namespace jianbao::test {

#if defined(JB_SANITIZED)
inline constexpr int kRoundsDivisor = 4;
#else
inline constexpr int kRoundsDivisor = 1;
#endif

constexpr int rounds(int n) { return n / kRoundsDivisor; }

}  // namespace jianbao::test

// The parse fuzzer with memory figures every JB_PROBE_EVERY inputs: whose memory a fuzzing run's
// RSS is (docs/reliability.md, "Fuzzer memory"). Prints, to stderr,
//   PROBE n=<inputs> rss_kib=<VmRSS> live_kib=<heap in use> heap_kib=<heap mapped>
// with ASan from its allocator (__sanitizer_get_current_allocated_bytes, _heap_size), without it
// from glibc (mallinfo2: in use = uordblks + hblkhd, mapped = arena + hblkhd). JB_PROBE_PROFILE=1
// adds ASan's live-heap profile (top contexts) every tenth report.
//
// Built only on request, in a fuzz build (scripts/fuzz.sh's, or one without -DJB_SANITIZE for
// libFuzzer alone): ninja -C build-fuzz jianbao_fuzz_memory_probe. Then, e.g.
//   JB_PROBE_EVERY=100 build-fuzz/jianbao_fuzz_memory_probe $(cat list)   # one at a time
//   JB_PROBE_EVERY=1000 build-fuzz/jianbao_fuzz_memory_probe CORPUS SEEDS -max_total_time=300
#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#define LLVMFuzzerTestOneInput parse_fuzzer_one_input
#include "../tests/fuzz/parse_fuzzer.cpp"
#undef LLVMFuzzerTestOneInput

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JB_PROBE_ASAN 1
#include <sanitizer/allocator_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif
#endif

namespace {

long vm_rss_kib() {
  FILE* f = std::fopen("/proc/self/status", "r");
  if (!f) return -1;
  char line[256];
  long kib = -1;
  while (std::fgets(line, sizeof line, f)) {
    if (std::strncmp(line, "VmRSS:", 6) == 0) kib = std::atol(line + 6);
  }
  std::fclose(f);
  return kib;
}

void report(long n) {
#ifdef JB_PROBE_ASAN
  const size_t live = __sanitizer_get_current_allocated_bytes();
  const size_t mapped = __sanitizer_get_heap_size();
#else
  const struct mallinfo2 m = mallinfo2();
  const size_t live = m.uordblks + m.hblkhd;
  const size_t mapped = m.arena + m.hblkhd;
#endif
  std::fprintf(stderr, "PROBE n=%ld rss_kib=%ld live_kib=%zu heap_kib=%zu\n", n, vm_rss_kib(),
               live / 1024, mapped / 1024);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const long every =
      std::getenv("JB_PROBE_EVERY") ? std::atol(std::getenv("JB_PROBE_EVERY")) : 0;
  static const bool profile = std::getenv("JB_PROBE_PROFILE") != nullptr;
  static long n = 0;
  const int r = parse_fuzzer_one_input(data, size);
  if (every > 0 && ++n % every == 0) {
    report(n);
#ifdef JB_PROBE_ASAN
    if (profile && n % (every * 10) == 0) __sanitizer_print_memory_profile(80, 12);
#else
    static_cast<void>(profile);
#endif
  }
  return r;
}

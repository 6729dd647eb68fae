// Stage benchmark for jianbao (issue 7): times decode, layout, structure, metrics, line
// accounting and emit separately over a corpus of bulletin files, and reports, for each stage
// and end to end, MB/s of input, bulletins/s and the peak resident memory during the stage.
//
//   jianbao_stage_bench [--runs N] [--limit-mb X] [--mem-limit-mb Y] [--list FILE] [FILE...]
//
// Files are read one at a time (reading is not timed), so memory holds the rules and one
// bulletin's intermediate values, as in `jianbao parse`. Run 0 is a warm-up over the first Y MiB
// (default 10; 0 for all) that also measures memory: before each stage of each bulletin it resets
// the process's peak RSS (writing 5 to /proc/self/clear_refs) and reads VmHWM after it. Runs
// 1..N are timed without that, over all the files. Times are
// thread CPU time (CLOCK_THREAD_CPUTIME_ID), which a loaded machine disturbs less than wall
// time; the wall time of each run is printed too. Figures are medians over the timed runs.
//
// Beside the stages it times two physical floors over the same bytes, the same way (issue 17):
// a byte scan (count the line feeds) and a plain validating UTF-8 decode into code points. No
// stage that reads every character can beat the decode.
//
// Output: a human table on stdout, and one `BENCH key=value ...` line per row for scripts.
#include <fmt/format.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jianbao/decode.h"
#include "jianbao/emit.h"
#include "jianbao/layout.h"
#include "jianbao/metrics.h"
#include "jianbao/pipeline.h"
#include "jianbao/ruleset.h"
#include "jianbao/structure.h"
#include "ruleset/rule_set.h"

namespace {

using jianbao::Document;

enum Stage { kDecode, kLayout, kStructure, kMetrics, kAccount, kEmit, kStageCount };
constexpr const char* kStageNames[kStageCount] = {"decode",  "layout",  "structure",
                                                  "metrics", "account", "emit"};

double thread_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Peak RSS tracking through /proc (Linux >= 4.0). Both are no-ops where /proc is missing.
void reset_peak_rss() {
  std::ofstream f("/proc/self/clear_refs");
  if (f) f << "5";
}

long peak_rss_kib() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

bool read_file(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  *out = std::move(ss).str();
  return true;
}

// The floors. Each returns a value folded from every byte, so that the loop cannot be dropped.
uint64_t scan_bytes(std::string_view bytes) {
  uint64_t lines = 0;
  for (const char c : bytes) lines += c == '\n';
  return lines;
}

// A textbook decoder (no lookup tables, no SIMD): lead byte, then its continuation bytes,
// checked; a bad sequence counts as one replacement character.
uint64_t decode_utf8(std::string_view bytes, std::vector<char32_t>* out) {
  out->clear();
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = p + bytes.size();
  while (p < end) {
    const unsigned c = *p;
    int more = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
    char32_t cp = more == 0 ? c : more == 1 ? (c & 0x1F) : more == 2 ? (c & 0x0F) : (c & 0x07);
    ++p;
    if (more < 0 || end - p < more) {
      out->push_back(0xFFFD);
      continue;
    }
    bool ok = true;
    for (int i = 0; i < more; ++i) {
      ok = ok && (p[i] & 0xC0) == 0x80;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (ok) p += more;
    out->push_back(ok ? cp : 0xFFFD);
  }
  uint64_t sum = 0;
  for (const char32_t cp : *out) sum += cp;
  return sum;
}

struct Floors {
  double scan_seconds = 0;
  double decode_seconds = 0;
  uint64_t checksum = 0;
};

// Times both floors over the files, one file at a time as the stages read them.
Floors time_floors(const std::vector<std::string>& files);

struct RunResult {
  double seconds[kStageCount] = {};
  double wall = 0;
  long long bytes = 0;
  long bulletins = 0;
  long failed = 0;
  long long output_bytes = 0;
  long peak_kib[kStageCount] = {};
};

// One pass over the corpus. With `memory`, measures each stage's peak RSS instead of caring about
// time (clear_refs and /proc reads sit between the stages).
RunResult run_once(const std::vector<std::string>& files, const jianbao::RuleSet& rules,
                   bool memory) {
  RunResult r;
  // Steady state: the prefilter from the first bulletin (its one-off compile is timed apart, like
  // load_rules), as a long run gets it after prefilter_after_bytes.
  jianbao::ParseOptions options;
  options.metrics.prefilter = jianbao::metrics::MetricsOptions::Prefilter::kAlways;
  std::string bytes;
  const auto wall0 = std::chrono::steady_clock::now();
  for (const std::string& path : files) {
    if (!read_file(path, &bytes)) {
      std::cerr << "stage_bench: cannot read " << path << "\n";
      std::exit(2);
    }
    double t[kStageCount + 1];
    int s = 0;
    auto mark = [&](int stage) {
      if (memory) {
        if (stage > 0) r.peak_kib[stage - 1] = std::max(r.peak_kib[stage - 1], peak_rss_kib());
        reset_peak_rss();
      }
      t[s++] = thread_seconds();
    };
    mark(kDecode);
    auto decoded = jianbao::decode::decode_bytes(bytes, path, options.decode);
    if (!decoded.ok()) {
      ++r.failed;
      continue;
    }
    mark(kLayout);
    const jianbao::layout::CleanText clean = jianbao::layout::clean_layout(decoded.value(), rules);
    mark(kStructure);
    Document doc = jianbao::structure::build_outline(clean, rules);
    doc.source = {path, decoded.value().sha256, decoded.value().bytes, decoded.value().encoding,
                  decoded.value().bom};
    mark(kMetrics);
    jianbao::metrics::extract_metrics(clean, rules, options.metrics, &doc);
    mark(kAccount);
    jianbao::account_for_lines(decoded.value(), &doc);
    mark(kEmit);
    // What `parse --format jsonl` does per bulletin.
    const std::string out = jianbao::emit::emit_document(doc, {}, jianbao::emit::Format::kJsonl);
    mark(kStageCount);
    for (int i = 0; i < kStageCount; ++i) r.seconds[i] += t[i + 1] - t[i];
    r.bytes += static_cast<long long>(bytes.size());
    r.output_bytes += static_cast<long long>(out.size());
    ++r.bulletins;
  }
  r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  return r;
}

Floors time_floors(const std::vector<std::string>& files) {
  Floors f;
  std::string bytes;
  std::vector<char32_t> code_points;
  for (const std::string& path : files) {
    if (!read_file(path, &bytes)) continue;
    const double t0 = thread_seconds();
    f.checksum += scan_bytes(bytes);
    const double t1 = thread_seconds();
    f.checksum += decode_utf8(bytes, &code_points);
    const double t2 = thread_seconds();
    f.scan_seconds += t1 - t0;
    f.decode_seconds += t2 - t1;
  }
  return f;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// The first files up to `mib` MiB (file order is the generator's, so this is a sample).
std::vector<std::string> first_mib(const std::vector<std::string>& files, double mib) {
  long long total = 0;
  size_t keep = 0;
  for (; keep < files.size() && total < mib * 1048576.0; ++keep) {
    std::ifstream f(files[keep], std::ios::binary | std::ios::ate);
    total += f ? static_cast<long long>(f.tellg()) : 0;
  }
  return {files.begin(), files.begin() + static_cast<long>(keep)};
}

int usage() {
  std::cerr << "usage: jianbao_stage_bench [--runs N] [--limit-mb X] [--mem-limit-mb Y] "
               "[--list FILE] [FILE...]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 5;
  double limit_mb = 0;
  double mem_limit_mb = 10;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--limit-mb" && i + 1 < argc) {
      limit_mb = std::atof(argv[++i]);
    } else if (a == "--mem-limit-mb" && i + 1 < argc) {
      mem_limit_mb = std::atof(argv[++i]);
    } else if (a == "--list" && i + 1 < argc) {
      std::ifstream f(argv[++i]);
      for (std::string line; std::getline(f, line);) {
        if (!line.empty()) files.push_back(line);
      }
    } else if (a.rfind("--", 0) == 0) {
      return usage();
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) return usage();
  if (limit_mb > 0) files = first_mib(files, limit_mb);
  const std::vector<std::string> mem_files =
      mem_limit_mb > 0 ? first_mib(files, mem_limit_mb) : files;

  const long rss_start = peak_rss_kib();
  auto rules = jianbao::load_rules({});
  if (!rules.ok()) {
    std::cerr << "stage_bench: " << rules.status().to_string() << "\n";
    return 2;
  }
  const long rss_rules = peak_rss_kib();
  const auto compile0 = std::chrono::steady_clock::now();
  const int filtered = rules.value()->prefilter().filtered();
  const double compile_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - compile0).count();

  const RunResult mem = run_once(mem_files, *rules.value(), /*memory=*/true);
  std::vector<RunResult> timed;
  std::vector<Floors> floors;
  for (int i = 0; i < runs; ++i) {
    floors.push_back(time_floors(files));
    timed.push_back(run_once(files, *rules.value(), /*memory=*/false));
    std::cerr << fmt::format("stage_bench: run {}/{}: {:.2f} s wall, {:.2f} s cpu\n", i + 1, runs,
                             timed.back().wall, [&] {
                               double s = 0;
                               for (double x : timed.back().seconds) s += x;
                               return s;
                             }());
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);

  const RunResult& first = timed.front();
  const double mb = static_cast<double>(first.bytes) / 1048576.0;
  const double n = static_cast<double>(first.bulletins);
  fmt::print(
      "corpus: {} bulletins, {:.1f} MiB ({} undecodable); {} timed runs, medians of thread "
      "CPU time\n",
      first.bulletins, mb, first.failed, runs);
  fmt::print(
      "rss: {:.1f} MiB at start, {:.1f} MiB after load_rules, {:.1f} MiB peak "
      "(getrusage)\n",
      rss_start / 1024.0, rss_rules / 1024.0, ru.ru_maxrss / 1024.0);
  fmt::print("prefilter: {} patterns compiled in {:.2f} s (once per process, not in the stages)\n",
             filtered, compile_s);
  fmt::print("peak RSS per stage measured over {} bulletins ({:.1f} MiB)\n", mem.bulletins,
             static_cast<double>(mem.bytes) / 1048576.0);
  fmt::print("{:<12} {:>10} {:>10} {:>14} {:>10} {:>15}\n", "stage", "median s", "MB/s",
             "bulletins/s", "% of e2e", "peak RSS MiB");
  std::vector<double> e2e;
  for (const RunResult& r : timed) {
    double s = 0;
    for (double x : r.seconds) s += x;
    e2e.push_back(s);
  }
  const double e2e_med = median(e2e);
  for (int st = 0; st < kStageCount; ++st) {
    std::vector<double> v;
    for (const RunResult& r : timed) v.push_back(r.seconds[st]);
    const double sec = median(v);
    fmt::print("{:<12} {:>10.3f} {:>10.1f} {:>14.0f} {:>9.1f}% {:>15.1f}\n", kStageNames[st], sec,
               mb / sec, n / sec, 100.0 * sec / e2e_med, mem.peak_kib[st] / 1024.0);
    fmt::print("BENCH stage={} seconds={:.6f} mbps={:.3f} bps={:.1f} peak_mib={:.1f}\n",
               kStageNames[st], sec, mb / sec, n / sec, mem.peak_kib[st] / 1024.0);
  }
  for (const auto& [name, field] : {std::pair{"floor_scan", &Floors::scan_seconds},
                                    std::pair{"floor_utf8", &Floors::decode_seconds}}) {
    std::vector<double> v;
    for (const Floors& f : floors) v.push_back(f.*field);
    const double sec = std::max(median(v), 1e-9);
    fmt::print("{:<12} {:>10.3f} {:>10.1f} {:>14.0f} {:>9.1f}% {:>15}\n", name, sec, mb / sec,
               n / sec, 100.0 * sec / e2e_med, "-");
    fmt::print("BENCH floor={} seconds={:.6f} mbps={:.3f} bps={:.1f} checksum={}\n", name, sec,
               mb / sec, n / sec, floors.front().checksum);
  }
  std::vector<double> walls;
  for (const RunResult& r : timed) walls.push_back(r.wall);
  const double wall_med = median(walls);
  fmt::print("{:<12} {:>10.3f} {:>10.1f} {:>14.0f} {:>9.1f}% {:>15.1f}\n", "end-to-end", e2e_med,
             mb / e2e_med, n / e2e_med, 100.0, ru.ru_maxrss / 1024.0);
  fmt::print(
      "BENCH stage=end-to-end seconds={:.6f} mbps={:.3f} bps={:.1f} peak_mib={:.1f} "
      "wall_seconds={:.6f} bytes={} bulletins={} output_bytes={}\n",
      e2e_med, mb / e2e_med, n / e2e_med, ru.ru_maxrss / 1024.0, wall_med, first.bytes,
      first.bulletins, first.output_bytes);
  return 0;
}
